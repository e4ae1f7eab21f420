import { Injectable, Optional } from '@nestjs/common';
import { AuditLog } from '@kuaizhuan/identity';
import { ConflictError, InvalidInputError, Outbox } from '@kuaizhuan/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { defined } from '../common/defined';
import { ListingWorkflow, type OwnListFilter, type Page } from '../common/listing-workflow';
import { isEditable, isPubliclyVisible, type ListingAction } from '../domain/lifecycle';
import { rangeProblem } from '../domain/money';
import type { Actor } from '../domain/vocabulary';
import { AchievementResearcher } from '../entities/achievement-researcher.entity';
import { Achievement } from '../entities/achievement.entity';
import { Researcher } from '../entities/researcher.entity';
import { ListingNotices } from '../notices/listing-notices';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { CreateAchievementDto, UpdateAchievementDto } from './achievement.dto';
import {
  achievementFor,
  ownerAchievement,
  type NamedResearcher,
  type OwnerAchievement,
  type PublicAchievement,
} from './achievement-views';

/** Fields a caller may clear by sending null; any other null is refused. */
const NULLABLE = ['externalRef', 'ipType', 'trl', 'maturityStage', 'priceMin', 'priceMax'];

/** Research results listed by TTOs: drafting, moderation, lifecycle; tenancy on every call. */
@Injectable()
export class AchievementsService {
  private readonly workflow: ListingWorkflow<Achievement>;

  constructor(
    private readonly dataSource: DataSource,
    outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
    @Optional() notices?: ListingNotices,
  ) {
    this.workflow = new ListingWorkflow(dataSource, outbox, audit, Achievement, 'achievement', notices);
  }

  async create(actor: Actor, input: CreateAchievementDto): Promise<OwnerAchievement> {
    await this.checkTerms(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const { researcherIds, ...fields } = input;
      const row = await manager.save(
        manager.create(Achievement, {
          ...defined(fields, NULLABLE),
          orgId: actor.orgId,
          createdBy: actor.userId,
          status: 'draft',
        }),
      );
      await this.linkResearchers(manager, actor.orgId, row.id, researcherIds ?? []);
      await this.workflow.announce(manager, [row.id], 'drafted');
      return row.id;
    });
    return this.ownerView(id);
  }

  async update(actor: Actor, id: string, input: UpdateAchievementDto): Promise<OwnerAchievement> {
    await this.checkTerms(input);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.workflow.lockOwned(manager, actor.orgId, id);
      if (!isEditable(row.status)) {
        throw new ConflictError(
          `Only drafts are edited; this achievement is ${row.status} (withdraw it first)`,
          'status',
        );
      }
      const { researcherIds, ...fields } = input;
      manager.merge(Achievement, row, defined(fields, NULLABLE));
      const range = rangeProblem(row.priceMin, row.priceMax, 'priceMin', 'priceMax');
      if (range) throw new InvalidInputError(range.message, range.field);
      await manager.save(row);
      if (researcherIds !== undefined) await this.linkResearchers(manager, actor.orgId, id, researcherIds);
      await this.workflow.announce(manager, [id], 'drafted');
    });
    return this.ownerView(id);
  }

  /**
   * Records a higher maturity (TRL) reached outside the listing's own editing — a proof-of-concept
   * or pilot step the TTO confirmed — inside the caller's transaction, for the TTO's own
   * achievement at any status. Returns the TRL now recorded; a lower or equal level changes nothing.
   */
  async raiseMaturity(manager: EntityManager, actor: Actor, id: string, trl: number, reason: object): Promise<number> {
    const row = await this.workflow.lockOwned(manager, actor.orgId, id);
    if (row.trl !== null && row.trl >= trl) return row.trl;
    const from = row.trl;
    row.trl = trl;
    await manager.save(row);
    await this.workflow.announce(manager, [id], isPubliclyVisible(row.status) ? 'changed' : 'drafted');
    await this.audit.record(manager, {
      action: 'achievement.maturity_raised',
      actor: { userId: actor.userId, orgId: actor.orgId },
      subject: { type: 'achievement', id },
      details: { from, to: trl, ...reason },
    });
    return trl;
  }

  async get(actor: Actor, id: string): Promise<PublicAchievement> {
    const row = await this.workflow.findVisible(actor, id);
    const people = (await this.workflow.peopleOf([row])).get(id)!;
    return achievementFor(actor, row, (await this.researchersOf([id])).get(id) ?? [], people);
  }

  async listOwn(actor: Actor, filter: OwnListFilter, page = 1, pageSize = 20): Promise<Page<OwnerAchievement>> {
    const result = await this.workflow.listOwn(actor.orgId, filter, page, pageSize);
    return { ...result, items: await this.ownerViews(result.items) };
  }

  async act(actor: Actor, id: string, action: ListingAction, note: string | null = null): Promise<OwnerAchievement> {
    return this.ownerViews([await this.workflow.act(actor, id, action, note)]).then(([view]) => view);
  }

  async moderationQueue(page = 1, pageSize = 20): Promise<Page<OwnerAchievement>> {
    const result = await this.workflow.moderationQueue(page, pageSize);
    return { ...result, items: await this.ownerViews(result.items) };
  }

  /** Researchers named on each achievement, in listing order (no contact details). */
  async researchersOf(ids: string[]): Promise<Map<string, NamedResearcher[]>> {
    const out = new Map<string, NamedResearcher[]>();
    if (ids.length === 0) return out;
    const rows: { achievement_id: string; id: string; name: string; title: string }[] = await this.dataSource.query(
      `SELECT ar.achievement_id, r.id, r.name, r.title
         FROM achievement_researcher ar JOIN researcher r ON r.id = ar.researcher_id
        WHERE ar.achievement_id = ANY($1) ORDER BY ar.position`,
      [ids],
    );
    for (const row of rows) {
      const list = out.get(row.achievement_id) ?? [];
      list.push({ id: row.id, name: row.name, title: row.title });
      out.set(row.achievement_id, list);
    }
    return out;
  }

  private async ownerView(id: string): Promise<OwnerAchievement> {
    const row = await this.dataSource.manager.findOneByOrFail(Achievement, { id });
    return (await this.ownerViews([row]))[0];
  }

  private async ownerViews(rows: Achievement[]): Promise<OwnerAchievement[]> {
    const named = await this.researchersOf(rows.map((row) => row.id));
    const people = await this.workflow.peopleOf(rows);
    return rows.map((row) => ownerAchievement(row, named.get(row.id) ?? [], people.get(row.id)!));
  }

  /** Replaces the researchers of an achievement; each must belong to the same organisation. */
  private async linkResearchers(
    manager: EntityManager,
    orgId: string,
    achievementId: string,
    ids: string[],
  ): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length > 0) {
      const found = await manager.countBy(Researcher, { id: In(unique), orgId });
      if (found !== unique.length) {
        throw new InvalidInputError(
          "researcherIds: every researcher must be one of your organisation's",
          'researcherIds',
        );
      }
    }
    await manager.delete(AchievementResearcher, { achievementId });
    if (unique.length > 0) {
      await manager.insert(
        AchievementResearcher,
        unique.map((researcherId, position) => ({ achievementId, researcherId, position })),
      );
    }
  }

  private async checkTerms(input: UpdateAchievementDto): Promise<void> {
    await this.taxonomy.checkCodes([
      { kind: 'field', field: 'fieldCodes', codes: input.fieldCodes ?? [] },
      { kind: 'ip_type', field: 'ipType', codes: [input.ipType] },
      { kind: 'maturity_stage', field: 'maturityStage', codes: [input.maturityStage] },
    ]);
  }
}
