import { Injectable, Optional } from '@nestjs/common';
import { AuditLog } from '@kuaizhuan/identity';
import { ConflictError, InvalidInputError, Outbox } from '@kuaizhuan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { defined } from '../common/defined';
import { ListingWorkflow, type OwnListFilter, type Page } from '../common/listing-workflow';
import { isEditable, type ListingAction } from '../domain/lifecycle';
import { rangeProblem } from '../domain/money';
import type { Actor } from '../domain/vocabulary';
import { Need } from '../entities/need.entity';
import { ListingNotices } from '../notices/listing-notices';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { CreateNeedDto, UpdateNeedDto } from './need.dto';
import { needFor, ownerNeed, type OwnerNeed, type PublicNeed } from './need-views';

/** Fields a caller may clear by sending null; any other null is refused. */
const NULLABLE = ['desiredStage', 'minTrl', 'budgetMin', 'budgetMax', 'regionCode', 'deadline'];

/** Companies' technology needs: drafting, moderation, lifecycle; tenancy on every call. */
@Injectable()
export class NeedsService {
  private readonly workflow: ListingWorkflow<Need>;

  constructor(
    private readonly dataSource: DataSource,
    outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
    @Optional() notices?: ListingNotices,
  ) {
    this.workflow = new ListingWorkflow(dataSource, outbox, audit, Need, 'need', notices);
  }

  async create(actor: Actor, input: CreateNeedDto): Promise<OwnerNeed> {
    await this.checkTerms(input);
    const saved = await this.dataSource.transaction(async (manager) => {
      const need = manager.create(Need, {
        ...defined(input, NULLABLE),
        orgId: actor.orgId,
        createdBy: actor.userId,
        status: 'draft',
      });
      const row = await manager.save(need);
      await this.workflow.announce(manager, [row.id], 'drafted');
      return row;
    });
    return this.ownerView(await this.reload(saved.id));
  }

  /**
   * A need a technology commissioner drafted and the company confirmed: created for the company and
   * sent to moderation at once, in the caller's transaction, remembering the appointment it was
   * mined under. Returns the need's id.
   */
  async submitMined(
    manager: EntityManager,
    actor: Actor,
    input: CreateNeedDto,
    appointmentId: string,
  ): Promise<string> {
    await this.checkTerms(input);
    const range = rangeProblem(input.budgetMin ?? null, input.budgetMax ?? null, 'budgetMin', 'budgetMax');
    if (range) throw new InvalidInputError(range.message, range.field);
    const need = manager.create(Need, {
      ...defined(input, NULLABLE),
      orgId: actor.orgId,
      createdBy: actor.userId,
      status: 'draft',
      minedByAppointmentId: appointmentId,
    });
    const row = await manager.save(need);
    await this.workflow.act(actor, row.id, 'submit', null, manager);
    return row.id;
  }

  async update(actor: Actor, id: string, input: UpdateNeedDto): Promise<OwnerNeed> {
    await this.checkTerms(input);
    await this.dataSource.transaction(async (manager) => {
      const need = await this.workflow.lockOwned(manager, actor.orgId, id);
      if (!isEditable(need.status)) {
        throw new ConflictError(`Only drafts are edited; this need is ${need.status} (withdraw it first)`, 'status');
      }
      manager.merge(Need, need, defined(input, NULLABLE));
      const range = rangeProblem(need.budgetMin, need.budgetMax, 'budgetMin', 'budgetMax');
      if (range) throw new InvalidInputError(range.message, range.field);
      await manager.save(need);
      await this.workflow.announce(manager, [id], 'drafted');
    });
    return this.ownerView(await this.reload(id));
  }

  async get(actor: Actor, id: string): Promise<PublicNeed | OwnerNeed> {
    const need = await this.workflow.findVisible(actor, id);
    return needFor(actor, need, (await this.workflow.peopleOf([need])).get(need.id)!);
  }

  async listOwn(actor: Actor, filter: OwnListFilter, page = 1, pageSize = 20): Promise<Page<OwnerNeed>> {
    const result = await this.workflow.listOwn(actor.orgId, filter, page, pageSize);
    return { ...result, items: await this.ownerViews(result.items) };
  }

  async act(actor: Actor, id: string, action: ListingAction, note: string | null = null): Promise<OwnerNeed> {
    return this.ownerView(await this.workflow.act(actor, id, action, note));
  }

  async moderationQueue(page = 1, pageSize = 20): Promise<Page<OwnerNeed>> {
    const result = await this.workflow.moderationQueue(page, pageSize);
    return { ...result, items: await this.ownerViews(result.items) };
  }

  /** Published needs past their deadline become expired; returns how many. */
  async expireOverdue(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      // For UPDATE … RETURNING the driver answers [rows, affected count].
      const [rows]: [{ id: string }[], number] = await tx.query(
        `UPDATE need SET status = 'expired', updated_at = now()
          WHERE status = 'published' AND deadline < current_date RETURNING id`,
      );
      await this.workflow.announce(
        tx,
        rows.map((row) => row.id),
        'changed',
      );
      for (const row of rows) {
        await this.audit.record(tx, {
          action: 'need.expired',
          actor: null,
          subject: { type: 'need', id: row.id },
          details: { from: 'published', to: 'expired', reason: 'deadline passed' },
        });
      }
      return rows.length;
    });
  }

  private async checkTerms(input: UpdateNeedDto): Promise<void> {
    await this.taxonomy.checkCodes([
      { kind: 'field', field: 'fieldCodes', codes: input.fieldCodes ?? [] },
      { kind: 'maturity_stage', field: 'desiredStage', codes: [input.desiredStage] },
      { kind: 'region', field: 'regionCode', codes: [input.regionCode] },
    ]);
  }

  private async ownerView(need: Need): Promise<OwnerNeed> {
    return (await this.ownerViews([need]))[0];
  }

  private async ownerViews(needs: Need[]): Promise<OwnerNeed[]> {
    const people = await this.workflow.peopleOf(needs);
    return needs.map((need) => ownerNeed(need, people.get(need.id)!));
  }

  private async reload(id: string): Promise<Need> {
    return this.dataSource.manager.findOneByOrFail(Need, { id });
  }
}
