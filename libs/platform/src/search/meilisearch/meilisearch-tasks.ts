import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Meilisearch,
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

/**
 * A task the engine had not finished when the wait ran out. It may still succeed later (writes
 * are safe to send again); the message says how far it got and how busy the engine was.
 */
export class MeilisearchTaskTimeoutError extends Error {
  constructor(
    readonly taskUid: number,
    readonly waitedMs: number,
    /** The task's status just after the wait ran out (`enqueued`, `processing`), if the engine said. */
    readonly status: string | undefined,
    /** Tasks enqueued or processing on the engine then, this one included, if the engine said. */
    readonly pending: number | undefined,
  ) {
    const state = [
      ...(status === undefined ? [] : [`status then: ${status}`]),
      ...(pending === undefined ? [] : [`${pending} tasks enqueued or processing on the engine`]),
    ];
    super(
      `Meilisearch task ${taskUid} not finished after ${waitedMs} ms` +
        (state.length > 0 ? ` (${state.join('; ')})` : ''),
    );
  }
}

/**
 * Waits for a task, at most `timeoutMs`, and turns anything but success into a
 * MeilisearchTaskError, or into a MeilisearchTaskTimeoutError when the wait runs out (saying,
 * when `client` is given, how the task and the engine's queue stood).
 */
export async function settled(enqueued: EnqueuedTaskPromise, timeoutMs: number, client?: Meilisearch): Promise<Task> {
  let task: Task;
  try {
    task = await enqueued.waitTask({ timeout: timeoutMs });
  } catch (error) {
    if (!(error instanceof MeilisearchTaskTimeOutError)) throw error;
    throw await timedOut(error.cause.taskUid, timeoutMs, client);
  }
  if (task.status !== 'succeeded') throw new MeilisearchTaskError(task);
  return task;
}

async function timedOut(taskUid: number, waitedMs: number, client?: Meilisearch): Promise<MeilisearchTaskTimeoutError> {
  const [task, pending] = await Promise.all([
    client?.tasks.getTask(taskUid).catch(() => undefined),
    client?.tasks
      .getTasks({ statuses: ['enqueued', 'processing'], limit: 1 })
      .then((page) => page.total)
      .catch(() => undefined),
  ]);
  return new MeilisearchTaskTimeoutError(taskUid, waitedMs, task?.status, pending);
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
