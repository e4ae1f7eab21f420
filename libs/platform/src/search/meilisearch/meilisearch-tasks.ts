import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTaskPromise,
  type Task,
} from 'meilisearch';
import { ServiceUnavailableError } from '../../errors/domain-errors';

/**
 * A Meilisearch task that did not succeed. Meilisearch accepts most writes at once and fails
 * them later, in the task (deleting an index that does not exist, a document it refuses), so
 * every write waits for its task and a failure arrives here with the engine's error code.
 */
export class MeilisearchTaskError extends Error {
  constructor(
    readonly task: Pick<Task, 'uid' | 'type' | 'indexUid' | 'status' | 'error'>,
    /** The engine's error code (`index_not_found`, …), or the status when the task has none. */
    readonly code: string = task.error?.code ?? task.status,
  ) {
    super(
      `Meilisearch task ${task.uid} (${task.type}) on ${task.indexUid ?? '-'} ${task.status}: ` +
        (task.error ? `${task.error.code}: ${task.error.message}` : task.status),
    );
  }
}

/** Waits for a task and turns anything but success into a MeilisearchTaskError. */
export async function settled(enqueued: EnqueuedTaskPromise, timeoutMs: number): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs });
  if (task.status !== 'succeeded') throw new MeilisearchTaskError(task);
  return task;
}

/** The engine's error code of a refused request or a failed task, if it is one of those. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof MeilisearchTaskError) return error.code;
  if (error instanceof MeilisearchApiError) return error.cause?.code;
  return undefined;
}

export function isIndexNotFound(error: unknown): boolean {
  return errorCode(error) === 'index_not_found';
}

/**
 * Errors that mean the index is missing or lacks our settings: the engine lost its data or was
 * restored from an old snapshot, or a write re-created the index with default settings (a
 * write to a missing index creates it). The adapter then applies its settings again and retries.
 */
export function needsSettings(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'index_not_found' ||
    code === 'invalid_search_filter' ||
    code === 'invalid_search_facets' ||
    code === 'invalid_search_sort' ||
    code === 'invalid_document_filter'
  );
}

/**
 * A request the search engine could not answer (unreachable, timed out, or failing on its side)
 * becomes a 503 for the caller; errors of ours (a bad filter, a refused document) stay as they are.
 */
export function unavailableOr(error: unknown): unknown {
  const down =
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    (error instanceof MeilisearchApiError && (error.response?.status ?? 0) >= 500);
  if (!down) return error;
  return new ServiceUnavailableError(`search is unavailable: ${error.message}`);
}
