import { Injectable, Logger } from '@nestjs/common';
import { SearchIndex, TermStatistics } from '@kuaizhuan/platform';
import { DataSource } from 'typeorm';
import { CatalogIndexer, type CatalogKind } from './catalog-indexer';

const KINDS: CatalogKind[] = ['need', 'achievement', 'researcher'];
const SYNC_BATCH = 500;

export interface DriftReport {
  kind: CatalogKind;
  /** Rows missing from the index or indexed at an older version: re-indexed. */
  stale: number;
  /** Documents whose row no longer exists: removed. */
  orphaned: number;
}

/**
 * Repairs drift between PostgreSQL and the search index (a lost job, an index restored from
 * an old snapshot): compares ids and versions (updated_at) and re-syncs what differs.
 */
@Injectable()
export class CatalogReconciler {
  private readonly logger = new Logger(CatalogReconciler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly index: SearchIndex,
    private readonly indexer: CatalogIndexer,
    private readonly statistics: TermStatistics,
  ) {}

  async reconcile(): Promise<DriftReport[]> {
    const reports: DriftReport[] = [];
    for (const kind of KINDS) reports.push(await this.reconcileKind(kind));
    const drift = reports.filter((report) => report.stale + report.orphaned > 0);
    if (drift.length > 0) this.logger.warn({ msg: 'search index drift repaired', drift });
    return reports;
  }

  private async reconcileKind(kind: CatalogKind): Promise<DriftReport> {
    const rows: { id: string; ms: string }[] = await this.dataSource.query(
      `SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint AS ms FROM ${kind}`,
    );
    const indexed = await this.indexedVersions(kind);
    // The platform's term statistics follow the same rows (and fill in on the first run after an upgrade).
    const counted = await this.statistics.versions(kind);
    const behind = (versions: Map<string, number>, row: { id: string; ms: string }) => {
      const version = versions.get(row.id);
      return version === undefined || version < Number(row.ms);
    };
    const stale = rows.filter((row) => behind(indexed, row) || behind(counted, row));
    const known = new Set(rows.map((row) => row.id));
    const orphaned = [...indexed.keys()].filter((id) => !known.has(id));
    const uncounted = [...counted.keys()].filter((id) => !known.has(id));
    if (uncounted.length > 0) await this.statistics.forget(uncounted);
    for (let i = 0; i < stale.length; i += SYNC_BATCH) {
      await this.indexer.sync(
        kind,
        stale.slice(i, i + SYNC_BATCH).map((row) => row.id),
      );
    }
    if (orphaned.length > 0) await this.index.remove(orphaned);
    return { kind, stale: stale.length, orphaned: orphaned.length };
  }

  /** Every document of `kind` in the index with its version in epoch milliseconds. */
  private async indexedVersions(kind: CatalogKind): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for await (const batch of this.index.versions(kind)) {
      for (const { id, updatedAtMs } of batch) versions.set(id, updatedAtMs);
    }
    return versions;
  }
}
