import type { AuditLog } from '@kuaizhuan/identity';
import { NotFoundError, type Outbox } from '@kuaizhuan/platform';
import { ILike, type DataSource, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import { isPubliclyVisible, type ListingAction } from '../domain/lifecycle';
import { isModerator, type Actor, type ListingStatus } from '../domain/vocabulary';
import type { ListingColumns } from '../entities/listing-columns';
import type { ListingNotices } from '../notices/listing-notices';
import type { NamedParty } from './listing-views';
import { actorKind, lifecyclePatch } from './lifecycle-step';
import type { Page } from '@kuaizhuan/platform';

/** What a listing owner narrows its own list by. */
export interface OwnListFilter {
  status?: ListingStatus;
  q?: string;
}

export type ListingKind = 'need' | 'achievement';

/** Audit actions are `area.past-tense`, as identity's are. */
const PAST: Record<ListingAction, string> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  approve: 'approved',
  reject: 'rejected',
  match: 'matched',
  close: 'closed',
  expire: 'expired',
};

export type { Page };

/** Who owns a listing and who decided its moderation, by name (ids alone say nothing to a reader). */
export interface ListingPeople {
  organisation: NamedParty;
  /** The moderator who last published or sent it back; null before any decision. */
  reviewer: NamedParty | null;
}

/**
 * Who may see a listing: its owner always; moderators once it left draft (what moderation
 * needs); everyone else once it is published or matched.
 */
export function canSee(actor: Actor, row: { orgId: string; status: ListingStatus }): boolean {
  if (row.orgId === actor.orgId) return true;
  if (isModerator(actor)) return row.status !== 'draft';
  return isPubliclyVisible(row.status);
}

/** How a listing changed, for the event announcing it. */
export type ListingChange = 'published' | 'changed' | 'drafted';

/**
 * What needs and achievements share: who may see one, moving it through its lifecycle in one
 * transaction with its outbox event, and the moderation queue. Composed into each service.
 */
export class ListingWorkflow<T extends ListingColumns> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly target: EntityTarget<T>,
    readonly kind: ListingKind,
    /** Tells the owner of a moderation decision; absent where nobody decides (the worker). */
    private readonly notices?: ListingNotices,
  ) {}

  /** The listing if `actor` may see it (see canSee); 404 otherwise, so its existence stays private. */
  async findVisible(actor: Actor, id: string): Promise<T> {
    const row = await this.dataSource.manager.findOneBy(this.target, { id } as FindOptionsWhere<T>);
    if (!row || !canSee(actor, row)) throw this.notFound(id);
    return row;
  }

  /** The caller's own listing, locked for a change; 404 for anyone else's. */
  async lockOwned(manager: EntityManager, orgId: string, id: string): Promise<T> {
    const row = await manager.findOne(this.target, {
      where: { id, orgId } as FindOptionsWhere<T>,
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw this.notFound(id);
    return row;
  }

  /** Moves a listing one lifecycle step, writing its outbox event in the same transaction. */
  async act(
    actor: Actor,
    id: string,
    action: ListingAction,
    note: string | null = null,
    outer?: EntityManager,
  ): Promise<T> {
    const step = async (manager: EntityManager): Promise<T> => {
      const row = await manager.findOne(this.target, {
        where: { id } as FindOptionsWhere<T>,
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || actorKind(actor, row.orgId) === null || !canSee(actor, row)) throw this.notFound(id);
      const from = row.status;
      const patch = lifecyclePatch(actor, row, action, note);
      manager.merge(this.target, row, patch as never);
      const saved = await manager.save(this.target, row);
      const change =
        action === 'approve'
          ? 'published'
          : from === 'published' || saved.status === 'published'
            ? 'changed'
            : 'drafted';
      await this.announce(manager, [saved.id], change);
      if (this.notices && (action === 'approve' || action === 'reject')) {
        await this.notices.decided(manager, this.kind, saved, action);
      }
      await this.audit.record(manager, {
        action: `${this.kind}.${PAST[action]}`,
        actor: { userId: actor.userId, orgId: actor.orgId },
        subject: { type: this.kind, id: saved.id },
        details: { from, to: saved.status, ...(note ? { note } : {}) },
      });
      return saved;
    };
    // Inside the caller's transaction when it gives one (a step that must commit with its own writes).
    return outer ? step(outer) : this.dataSource.transaction(step);
  }

  /**
   * Tells the index (and whoever else listens) that these listings changed: `published` when a
   * moderator approved them, `changed` when they are or were published (the matcher re-matches
   * or withdraws), `drafted` when they were never out (a draft or submission: index only).
   */
  async announce(manager: EntityManager, ids: string[], change: ListingChange): Promise<void> {
    if (ids.length === 0) return;
    if (this.kind === 'need') {
      await this.outbox.publish(manager, `need.${change}`, { kind: 'need', ids });
    } else {
      await this.outbox.publish(manager, `achievement.${change}`, { kind: 'achievement', ids });
    }
  }

  /** Owner and moderator names of each listing, by listing id. */
  async peopleOf(rows: readonly ListingColumns[]): Promise<Map<string, ListingPeople>> {
    if (rows.length === 0) return new Map();
    const found: {
      id: string;
      orgId: string;
      orgName: string;
      reviewerId: string | null;
      reviewerName: string | null;
    }[] = await this.dataSource.query(
      `SELECT l.id, o.id AS "orgId", o.name AS "orgName", u.id AS "reviewerId", u.display_name AS "reviewerName"
           FROM ${this.kind} l JOIN organisation o ON o.id = l.org_id
           LEFT JOIN user_account u ON u.id = l.reviewed_by
          WHERE l.id = ANY($1)`,
      [rows.map((row) => row.id)],
    );
    return new Map(
      found.map((row) => [
        row.id,
        {
          organisation: { id: row.orgId, name: row.orgName },
          reviewer: row.reviewerId === null ? null : { id: row.reviewerId, name: row.reviewerName ?? '' },
        },
      ]),
    );
  }

  /** The caller's organisation's listings, newest first, optionally in one status or by title. */
  async listOwn(orgId: string, filter: OwnListFilter, page: number, pageSize: number): Promise<Page<T>> {
    const q = filter.q?.trim();
    const where = {
      orgId,
      ...(filter.status && { status: filter.status }),
      ...(q && { title: ILike(`%${q.replace(/[\\%_]/g, '\\$&')}%`) }),
    } as FindOptionsWhere<T>;
    return this.page(where, page, pageSize);
  }

  /** Listings waiting for a moderator, oldest submission first. */
  async moderationQueue(page: number, pageSize: number): Promise<Page<T>> {
    return this.page({ status: 'submitted' } as FindOptionsWhere<T>, page, pageSize, 'ASC');
  }

  private async page(
    where: FindOptionsWhere<T>,
    page: number,
    pageSize: number,
    order: 'ASC' | 'DESC' = 'DESC',
  ): Promise<Page<T>> {
    const [items, total] = await this.dataSource.manager.findAndCount(this.target, {
      where,
      order: (order === 'ASC' ? { submittedAt: 'ASC', id: 'ASC' } : { updatedAt: 'DESC', id: 'ASC' }) as never,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError(`No ${this.kind} ${id}`);
  }
}
