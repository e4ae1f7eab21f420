import type { CatalogKind, SyncedIds } from './catalog-indexer';

/** Most ids written together; a longer wait is taken in several writes, oldest first. */
export const MAX_BATCH_IDS = 1_000;

/** Writes the documents of `ids` (or removes those whose rows are gone) in one go. */
export type WriteIds = (kind: CatalogKind, ids: string[]) => Promise<SyncedIds>;

/** What one caller's ids came to, and how many callers' ids were written in that write. */
export interface BatchedSync {
  upserted: number;
  removed: number;
  batchedWith: number;
}

interface Request {
  kind: CatalogKind;
  ids: string[];
  resolve(outcome: BatchedSync): void;
  reject(error: unknown): void;
}

/**
 * Merges the ids of concurrent index jobs into as few writes to the search engine as possible:
 * the first request is written at once, and every request that arrives while a write runs joins
 * the next one (up to MAX_BATCH_IDS ids). On an engine that applies each write as a task of its
 * own (Meilisearch), a catalogue published in many small jobs thus becomes a few large tasks.
 * Each caller's promise settles when its own ids are written or the write failed; a write
 * refused because of one document (`isRefusal`) is tried again per caller, so one bad listing
 * fails only its own job.
 */
export class IndexBatcher {
  private waiting: Request[] = [];
  private draining = false;

  constructor(
    private readonly write: WriteIds,
    private readonly isRefusal: (error: unknown) => boolean,
    private readonly maxIds = MAX_BATCH_IDS,
  ) {}

  sync(kind: CatalogKind, ids: readonly string[]): Promise<BatchedSync> {
    return new Promise<BatchedSync>((resolve, reject) => {
      this.waiting.push({ kind, ids: [...new Set(ids)], resolve, reject });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) await this.flush(this.take());
    // Checked and cleared in one synchronous step: a request arriving later starts a new drain.
    this.draining = false;
  }

  /** The oldest requests, as many as fit in one write (always at least one). */
  private take(): Request[] {
    let ids = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || ids + this.waiting[count].ids.length <= this.maxIds)) {
      ids += this.waiting[count].ids.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  /** Writes each kind's ids once and settles every request of the batch; never throws. */
  private async flush(batch: Request[]): Promise<void> {
    const byKind = new Map<CatalogKind, Request[]>();
    for (const request of batch) byKind.set(request.kind, [...(byKind.get(request.kind) ?? []), request]);
    for (const [kind, requests] of byKind) {
      const ids = [...new Set(requests.flatMap((request) => request.ids))];
      try {
        const written = await this.write(kind, ids);
        for (const request of requests) request.resolve(outcomeOf(request, written, requests.length));
      } catch (error) {
        if (requests.length > 1 && this.isRefusal(error)) await this.one(kind, requests);
        else for (const request of requests) request.reject(error);
      }
    }
  }

  /** Writes each request on its own, after a merged write was refused. */
  private async one(kind: CatalogKind, requests: Request[]): Promise<void> {
    for (const request of requests) {
      try {
        request.resolve(outcomeOf(request, await this.write(kind, request.ids), 1));
      } catch (error) {
        request.reject(error);
      }
    }
  }
}

function outcomeOf(request: Request, written: SyncedIds, batchedWith: number): BatchedSync {
  const upserted = new Set(written.upserted);
  const removed = new Set(written.removed);
  return {
    upserted: request.ids.filter((id) => upserted.has(id)).length,
    removed: request.ids.filter((id) => removed.has(id)).length,
    batchedWith,
  };
}
