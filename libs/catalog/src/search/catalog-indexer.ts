import { Injectable } from '@nestjs/common';
import { SearchIndex, TermStatistics, type JobPayloads, type SearchDocument } from '@kuaizhuan/platform';
import { DataSource, In } from 'typeorm';
import { Achievement } from '../entities/achievement.entity';
import { Need } from '../entities/need.entity';
import { Researcher } from '../entities/researcher.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { achievementDocument, needDocument, researcherDocument, type Owner } from './documents';

export type CatalogKind = JobPayloads['catalog.index']['kind'];

/** The ids a sync wrote to the index and those it removed (their rows are gone). */
export interface SyncedIds {
  upserted: string[];
  removed: string[];
}

const TABLES: Record<CatalogKind, string> = { need: 'need', achievement: 'achievement', researcher: 'researcher' };

/**
 * Brings the search index in line with PostgreSQL for given rows: re-reads them and upserts
 * their documents, or removes the ids whose rows are gone, and keeps the platform's own term
 * statistics (which the matcher weighs words by) in step. Safe to run any number of times.
 */
@Injectable()
export class CatalogIndexer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly index: SearchIndex,
    private readonly statistics: TermStatistics,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async sync(kind: CatalogKind, ids: string[]): Promise<{ upserted: number; removed: number }> {
    const { upserted, removed } = await this.write(kind, ids);
    return { upserted: upserted.length, removed: removed.length };
  }

  /** As `sync`, naming the ids upserted and removed. */
  async write(kind: CatalogKind, ids: string[]): Promise<SyncedIds> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return { upserted: [], removed: [] };
    const documents = await this.documents(kind, unique);
    const found = new Set(documents.map((doc) => doc.id));
    const gone = unique.filter((id) => !found.has(id));
    if (documents.length > 0) {
      await this.index.upsert(documents);
      await this.statistics.record(documents);
    }
    if (gone.length > 0) {
      await this.index.remove(gone);
      await this.statistics.forget(gone);
    }
    return { upserted: [...found], removed: gone };
  }

  /** Every row of `kind`, as documents in batches of ids ordered by id (for rebuilds). */
  async *allDocuments(kind: CatalogKind, batchSize = 1_000): AsyncGenerator<SearchDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM ${TABLES[kind]} WHERE id > $1 ORDER BY id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id;
      yield await this.documents(
        kind,
        rows.map((row) => row.id),
      );
    }
  }

  /** Number of rows of `kind` in PostgreSQL. */
  async countRows(kind: CatalogKind): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${TABLES[kind]}`);
    return rows[0].n;
  }

  /** The documents of the rows that exist among `ids`. */
  async documents(kind: CatalogKind, ids: string[]): Promise<SearchDocument[]> {
    const names = await this.taxonomy.names();
    const manager = this.dataSource.manager;
    if (kind === 'need') {
      const rows = await manager.findBy(Need, { id: In(ids) });
      const owners = await this.owners(rows.map((row) => row.orgId));
      return rows.map((row) => needDocument(row, ownerOf(owners, row.orgId), names));
    }
    if (kind === 'researcher') {
      const rows = await manager.findBy(Researcher, { id: In(ids) });
      const owners = await this.owners(rows.map((row) => row.orgId));
      return rows.map((row) => researcherDocument(row, ownerOf(owners, row.orgId), names));
    }
    const rows = await manager.findBy(Achievement, { id: In(ids) });
    const owners = await this.owners(rows.map((row) => row.orgId));
    const people: { achievement_id: string; names: string[] }[] = await this.dataSource.query(
      `SELECT ar.achievement_id, array_agg(r.name ORDER BY ar.position) AS names
         FROM achievement_researcher ar JOIN researcher r ON r.id = ar.researcher_id
        WHERE ar.achievement_id = ANY($1) AND r.active GROUP BY ar.achievement_id`,
      [rows.map((row) => row.id)],
    );
    const byAchievement = new Map(people.map((p) => [p.achievement_id, p.names]));
    return rows.map((row) =>
      achievementDocument(row, ownerOf(owners, row.orgId), byAchievement.get(row.id) ?? [], names),
    );
  }

  private async owners(orgIds: string[]): Promise<Map<string, Owner>> {
    const rows: { id: string; name: string; region: string | null }[] = await this.dataSource.query(
      `SELECT id, name, region FROM organisation WHERE id = ANY($1)`,
      [[...new Set(orgIds)]],
    );
    return new Map(rows.map((row) => [row.id, { name: row.name, region: row.region }]));
  }
}

function ownerOf(owners: Map<string, Owner>, orgId: string): Owner {
  return owners.get(orgId) ?? { name: '', region: null };
}
