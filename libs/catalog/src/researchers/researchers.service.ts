import { Injectable } from '@nestjs/common';
import { NotFoundError, Outbox } from '@kuaizhuan/platform';
import { DataSource, ILike, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { defined } from '../common/defined';
import type { Page } from '../common/listing-workflow';
import { isModerator, type Actor } from '../domain/vocabulary';
import { Researcher } from '../entities/researcher.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { CreateResearcherDto, UpdateResearcherDto } from './researcher.dto';
import type { OwnerResearcher, PublicResearcher } from './researcher-views';

/** Fields a caller may clear by sending null; any other null is refused. */
const NULLABLE = ['externalRef', 'email', 'phone'];

/** Researcher profiles, managed by their institution's TTO. */
@Injectable()
export class ResearchersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async create(actor: Actor, input: CreateResearcherDto): Promise<OwnerResearcher> {
    await this.taxonomy.checkCodes([{ kind: 'field', field: 'fieldCodes', codes: input.fieldCodes ?? [] }]);
    const id = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(manager.create(Researcher, { ...defined(input, NULLABLE), orgId: actor.orgId }));
      await this.announce(manager, [row.id]);
      return row.id;
    });
    return this.owner(await this.dataSource.manager.findOneByOrFail(Researcher, { id }));
  }

  async update(actor: Actor, id: string, input: UpdateResearcherDto): Promise<OwnerResearcher> {
    await this.taxonomy.checkCodes([{ kind: 'field', field: 'fieldCodes', codes: input.fieldCodes ?? [] }]);
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(Researcher, {
        where: { id, orgId: actor.orgId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new NotFoundError(`No researcher ${id}`);
      manager.merge(Researcher, row, defined(input, NULLABLE));
      await manager.save(row);
      await this.announce(manager, [id]);
    });
    return this.owner(await this.dataSource.manager.findOneByOrFail(Researcher, { id }));
  }

  /** The owner organisation sees contact details; others see the public profile of an active researcher. */
  async get(actor: Actor, id: string): Promise<PublicResearcher | OwnerResearcher> {
    const row = await this.dataSource.manager.findOneBy(Researcher, { id });
    const own = row?.orgId === actor.orgId;
    if (!row || (!own && !row.active && !isModerator(actor))) throw new NotFoundError(`No researcher ${id}`);
    return own ? this.owner(row) : this.public(row);
  }

  async listOwn(actor: Actor, page = 1, pageSize = 20, q?: string): Promise<Page<OwnerResearcher>> {
    const text = q?.trim();
    const pattern = text ? `%${text.replace(/[\\%_]/g, '\\$&')}%` : null;
    const where: FindOptionsWhere<Researcher>[] = pattern
      ? [
          { orgId: actor.orgId, name: ILike(pattern) },
          { orgId: actor.orgId, email: ILike(pattern) },
        ]
      : [{ orgId: actor.orgId }];
    const [rows, total] = await this.dataSource.manager.findAndCount(Researcher, {
      where,
      order: { name: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const items = await Promise.all(rows.map((row) => this.owner(row)));
    return { items, total, page, pageSize };
  }

  private async announce(manager: EntityManager, ids: string[]): Promise<void> {
    await this.outbox.publish(manager, 'researcher.changed', { kind: 'researcher', ids });
  }

  private async public(row: Researcher): Promise<PublicResearcher> {
    // Only listings others may see are named on a public profile.
    const achievements: { id: string; title: string }[] = await this.dataSource.query(
      `SELECT a.id, a.title FROM achievement_researcher ar JOIN achievement a ON a.id = ar.achievement_id
        WHERE ar.researcher_id = $1 AND a.status IN ('published', 'matched') ORDER BY a.published_at DESC`,
      [row.id],
    );
    return {
      id: row.id,
      orgId: row.orgId,
      name: row.name,
      title: row.title,
      institutionName: row.institutionName,
      profile: row.profile,
      researchAreas: row.researchAreas,
      fieldCodes: row.fieldCodes,
      commissionerAvailable: row.commissionerAvailable,
      commissionerNote: row.commissionerNote,
      active: row.active,
      achievements,
      updatedAt: row.updatedAt,
    };
  }

  private async owner(row: Researcher): Promise<OwnerResearcher> {
    const achievements: { id: string; title: string }[] = await this.dataSource.query(
      `SELECT a.id, a.title FROM achievement_researcher ar JOIN achievement a ON a.id = ar.achievement_id
        WHERE ar.researcher_id = $1 ORDER BY a.created_at DESC`,
      [row.id],
    );
    return {
      ...(await this.public(row)),
      achievements,
      externalRef: row.externalRef,
      email: row.email,
      phone: row.phone,
      createdAt: row.createdAt,
    };
  }
}
