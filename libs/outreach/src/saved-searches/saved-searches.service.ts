import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import type { Caller } from '@kuaizhuan/identity';
import { AppConfig, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import { SavedSearch, type SavedQuery } from '../entities/saved-search.entity';
import type { SaveSearchDto, UnsubscribeDto } from './saved-search.dto';
import { isUnsubscribeToken, unsubscribeKey } from './unsubscribe-token';

/** At most this many saved searches per person. */
export const MAX_SAVED_SEARCHES = 20;

export interface SavedSearchView {
  id: string;
  name: string;
  type: 'achievement' | 'need';
  query: SavedQuery;
  /** How many listings it has sent so far. */
  sent: number;
  createdAt: Date;
}

const FILTERS = ['field', 'region', 'maturity', 'ipType', 'mode', 'institution'] as const;

/** The saved query: only what was given, lists without repeats. */
function savedQuery(input: SaveSearchDto): SavedQuery {
  const query: SavedQuery = {};
  if (input.q?.trim()) query.q = input.q.trim();
  for (const name of FILTERS) {
    const values = input[name];
    if (values && values.length > 0) query[name] = [...new Set<string>(values)];
  }
  if (input.amountMin !== undefined) query.amountMin = input.amountMin;
  if (input.amountMax !== undefined) query.amountMax = input.amountMax;
  return query;
}

/** Searches people saved from the search page: save, list, delete, and stop one from a message's link. */
@Injectable()
export class SavedSearchesService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.key = unsubscribeKey(config.get('JWT_ACCESS_SECRET'));
  }

  async save(caller: Caller, input: SaveSearchDto): Promise<SavedSearchView> {
    if (input.amountMin !== undefined && input.amountMax !== undefined) {
      if (new Decimal(input.amountMin).greaterThan(input.amountMax)) {
        throw new InvalidInputError('amountMin must not be greater than amountMax', 'amountMin');
      }
    }
    const query = savedQuery(input);
    const id = await this.dataSource.transaction(async (manager) => {
      // Counted under a lock on the person's row, so two saves at once cannot pass the limit together.
      await manager.query(`SELECT 1 FROM user_account WHERE id = $1 FOR UPDATE`, [caller.userId]);
      const count = await manager.countBy(SavedSearch, { userId: caller.userId });
      if (count >= MAX_SAVED_SEARCHES) {
        throw new ConflictError(`You have ${MAX_SAVED_SEARCHES} saved searches; delete one first`, 'type');
      }
      const saved = await manager.save(
        manager.create(SavedSearch, {
          userId: caller.userId,
          orgId: caller.orgId,
          name: input.name?.trim() || query.q || (input.type === 'need' ? '全部新需求' : '全部新成果'),
          kind: input.type,
          query,
        }),
      );
      return saved.id;
    });
    return this.get(caller, id);
  }

  async list(caller: Caller): Promise<SavedSearchView[]> {
    const rows: (SavedSearchRow & { sent: number })[] = await this.dataSource.query(
      `SELECT s.id, s.name, s.kind, s.query, s.created_at,
              (SELECT count(*)::int FROM saved_search_hit h WHERE h.saved_search_id = s.id) AS sent
         FROM saved_search s WHERE s.user_id = $1 ORDER BY s.created_at DESC, s.id`,
      [caller.userId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      type: row.kind,
      query: row.query,
      sent: row.sent,
      createdAt: row.created_at,
    }));
  }

  async remove(caller: Caller, id: string): Promise<void> {
    const result = await this.dataSource.manager.delete(SavedSearch, { id, userId: caller.userId });
    if (!result.affected) throw new NotFoundError('No such saved search', 'id');
  }

  /** Stops a saved search from its message's link, without signing in. Stopping it twice is not an error. */
  async unsubscribe(input: UnsubscribeDto): Promise<{ stopped: true; name: string | null }> {
    if (!isUnsubscribeToken(this.key, input.id, input.token)) {
      throw new ForbiddenError('token: this unsubscribe link is not valid', 'token');
    }
    const rows: { name: string }[][] = await this.dataSource.query(
      `DELETE FROM saved_search WHERE id = $1 RETURNING name`,
      [input.id],
    );
    const deleted = rows[0]?.[0] ?? null;
    return { stopped: true, name: deleted?.name ?? null };
  }

  private async get(caller: Caller, id: string): Promise<SavedSearchView> {
    const found = (await this.list(caller)).find((view) => view.id === id);
    if (!found) throw new NotFoundError('No such saved search', 'id');
    return found;
  }
}

interface SavedSearchRow {
  id: string;
  name: string;
  kind: 'achievement' | 'need';
  query: SavedQuery;
  created_at: Date;
}
