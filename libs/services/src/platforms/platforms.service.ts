import { Injectable } from '@nestjs/common';
import { AuditLog, organisationKind, organisationNames, type Caller } from '@kuaizhuan/identity';
import { TaxonomyService } from '@kuaizhuan/catalog';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  pageOf,
  type Page,
} from '@kuaizhuan/platform';
import Decimal from 'decimal.js';
import { DataSource, In, type EntityManager } from 'typeorm';
import { PlatformService, ServicePlatform } from '../entities/service-platform.entity';
import type { ApplyPlatformDto, PlatformListQueryDto, RejectPlatformDto, ServiceDto } from './platform.dto';
import { platformView, serviceView, type OwnPlatformView, type PlatformView, type ServiceView } from './platform-views';

/** Organisations that may run a service platform: companies, universities and institutes. */
const PLATFORM_ORGANISATION_KINDS = ['enterprise', 'university', 'research_institute'];

/**
 * Service platforms: an organisation applies, the operator verifies (or rejects) it, and a verified
 * platform lists its services. Everyone signed in reads the verified platforms and their active services.
 */
@Injectable()
export class PlatformsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
  ) {}

  apply(caller: Caller, input: ApplyPlatformDto): Promise<OwnPlatformView> {
    return this.dataSource.transaction(async (manager) => {
      const kind = await organisationKind(manager, caller.orgId);
      if (kind === null || !PLATFORM_ORGANISATION_KINDS.includes(kind)) {
        throw new ForbiddenError('Only a company, university or institute may run a service platform');
      }
      const existing = await manager.findOneBy(ServicePlatform, { orgId: caller.orgId });
      if (existing && existing.status !== 'rejected') {
        throw new ConflictError('Your organisation has applied already: edit the application instead', 'name');
      }
      const fields = {
        name: input.name.trim(),
        kinds: input.kinds,
        description: input.description ?? '',
        regionCode: input.regionCode ?? null,
        status: 'pending' as const,
        statusReason: null,
        verifiedAt: null,
        verifiedBy: null,
      };
      const row = existing
        ? await manager.save(manager.merge(ServicePlatform, existing, fields))
        : await manager.save(
            manager.create(ServicePlatform, { ...fields, orgId: caller.orgId, createdBy: caller.userId }),
          );
      await this.audit.record(manager, {
        action: 'service_platform.applied',
        actor: caller,
        subject: { type: 'service_platform', id: row.id },
        details: { kinds: row.kinds },
      });
      return this.ownView(manager, row);
    });
  }

  /** The caller's organisation's platform, whatever its standing. */
  async mine(caller: Caller): Promise<OwnPlatformView> {
    const row = await this.dataSource.manager.findOneBy(ServicePlatform, { orgId: caller.orgId });
    if (!row) throw new NotFoundError('Your organisation runs no service platform');
    return this.ownView(this.dataSource.manager, row);
  }

  /** The operator's decision. */
  decide(caller: Caller, id: string, decision: 'verify' | RejectPlatformDto): Promise<OwnPlatformView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ServicePlatform, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError(`No service platform ${id}`);
      const verify = decision === 'verify';
      manager.merge(ServicePlatform, row, {
        status: verify ? 'verified' : 'rejected',
        statusReason: verify ? null : decision.reason.trim(),
        verifiedAt: verify ? new Date() : null,
        verifiedBy: verify ? caller.userId : null,
      });
      await manager.save(row);
      await this.audit.record(manager, {
        action: verify ? 'service_platform.verified' : 'service_platform.rejected',
        actor: caller,
        subject: { type: 'service_platform', id },
        details: verify ? {} : { reason: row.statusReason },
      });
      return this.ownView(manager, row);
    });
  }

  /** Applications waiting for the operator, oldest first. */
  async pending(): Promise<OwnPlatformView[]> {
    const rows = await this.dataSource.manager.find(ServicePlatform, {
      where: { status: 'pending' },
      order: { createdAt: 'ASC' },
    });
    return Promise.all(rows.map((row) => this.ownView(this.dataSource.manager, row)));
  }

  addService(caller: Caller, input: ServiceDto): Promise<ServiceView> {
    return this.dataSource.transaction(async (manager) => {
      const platform = await this.verifiedOwn(manager, caller);
      await this.checkService(input);
      const row = await manager.save(
        manager.create(PlatformService, { ...this.serviceFields(input), platformId: platform.id }),
      );
      await this.audit.record(manager, {
        action: 'platform_service.listed',
        actor: caller,
        subject: { type: 'platform_service', id: row.id },
        details: { trlFrom: row.trlFrom, trlTo: row.trlTo },
      });
      return serviceView(row, platform);
    });
  }

  updateService(caller: Caller, id: string, input: ServiceDto): Promise<ServiceView> {
    return this.dataSource.transaction(async (manager) => {
      const platform = await this.verifiedOwn(manager, caller);
      const row = await manager.findOneBy(PlatformService, { id, platformId: platform.id });
      if (!row) throw new NotFoundError(`No service ${id} of your platform`);
      await this.checkService(input);
      await manager.save(manager.merge(PlatformService, row, this.serviceFields(input)));
      await this.audit.record(manager, {
        action: 'platform_service.updated',
        actor: caller,
        subject: { type: 'platform_service', id },
        details: { active: row.active },
      });
      return serviceView(row, platform);
    });
  }

  /** Verified platforms with their active services, by name. */
  async list(query: PlatformListQueryDto): Promise<Page<PlatformView>> {
    const { page, pageSize, skip } = pageOf(query);
    const where = `p.status = 'verified'
      AND ($1::service_platform_kind IS NULL OR $1 = ANY(p.kinds))
      AND EXISTS (SELECT 1 FROM platform_service s WHERE s.platform_id = p.id AND s.active
                    AND ($2::text IS NULL OR s.field_codes = '{}' OR $2 = ANY(s.field_codes))
                    AND ($3::int IS NULL OR $3 BETWEEN s.trl_from AND s.trl_to))`;
    const params = [query.kind ?? null, query.fieldCode ?? null, query.trl ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM service_platform p WHERE ${where}`,
      params,
    );
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM service_platform p WHERE ${where} ORDER BY p.name, p.id LIMIT ${pageSize} OFFSET ${skip}`,
      params,
    );
    return { items: await this.views(ids.map((row) => row.id)), total, page, pageSize };
  }

  /** One verified platform; an unverified one does not exist for anyone but its own members. */
  async get(caller: Caller, id: string): Promise<PlatformView | OwnPlatformView> {
    const row = await this.dataSource.manager.findOneBy(ServicePlatform, { id });
    if (row && row.orgId === caller.orgId) return this.ownView(this.dataSource.manager, row);
    if (!row || row.status !== 'verified') throw new NotFoundError(`No service platform ${id}`);
    const [view] = await this.views([id]);
    return view;
  }

  private async views(ids: string[]): Promise<PlatformView[]> {
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    const rows = await manager.findBy(ServicePlatform, { id: In(ids) });
    const services = await manager.find(PlatformService, {
      where: { platformId: In(ids), active: true },
      order: { trlFrom: 'ASC', title: 'ASC' },
    });
    const names = await organisationNames(
      manager,
      rows.map((row) => row.orgId),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id)!;
      return platformView(
        row,
        names.get(row.orgId) ?? '',
        services.filter((s) => s.platformId === id),
      );
    });
  }

  private async ownView(manager: EntityManager, row: ServicePlatform): Promise<OwnPlatformView> {
    const services = await manager.find(PlatformService, {
      where: { platformId: row.id },
      order: { trlFrom: 'ASC', title: 'ASC' },
    });
    const names = await organisationNames(manager, [row.orgId]);
    return {
      ...platformView(row, names.get(row.orgId) ?? '', services),
      status: row.status,
      statusReason: row.statusReason,
      verifiedAt: row.verifiedAt,
    };
  }

  /** The caller's platform, which must be verified to list or change services. */
  private async verifiedOwn(manager: EntityManager, caller: Caller): Promise<ServicePlatform> {
    const platform = await manager.findOneBy(ServicePlatform, { orgId: caller.orgId });
    if (!platform) throw new NotFoundError('Your organisation runs no service platform: apply first');
    if (platform.status !== 'verified') {
      throw new ForbiddenError(`Your service platform is ${platform.status}: only a verified platform lists services`);
    }
    return platform;
  }

  private async checkService(input: ServiceDto): Promise<void> {
    if (input.trlTo < input.trlFrom) throw new InvalidInputError('trlTo must be at least trlFrom', 'trlTo');
    if (input.priceMin !== undefined && input.priceMax !== undefined) {
      if (new Decimal(input.priceMax).lt(input.priceMin)) {
        throw new InvalidInputError('priceMax must be at least priceMin', 'priceMax');
      }
    }
    await this.taxonomy.checkCodes([{ kind: 'field', field: 'fieldCodes', codes: input.fieldCodes ?? [] }]);
  }

  private serviceFields(input: ServiceDto): Partial<PlatformService> {
    return {
      title: input.title.trim(),
      description: input.description ?? '',
      fieldCodes: input.fieldCodes ?? [],
      trlFrom: input.trlFrom,
      trlTo: input.trlTo,
      facilities: input.facilities ?? '',
      priceMin: input.priceMin ?? null,
      priceMax: input.priceMax ?? null,
      leadTimeDays: input.leadTimeDays,
      regionCode: input.regionCode ?? null,
      active: input.active ?? true,
    };
  }
}
