/**
 * The one catalogue of queues, jobs and events. Adding a job means adding its payload,
 * its queue and its policy here; the compiler refuses a job that is not fully wired.
 */

/**
 * Queue names are keys in Redis: NEVER rename one, or jobs waiting under the old
 * name are stranded. Add a new name instead and drain the old queue.
 */
export enum QueueName {
  Deliver = 'deliver',
}

/** What each job carries: ids only. State lives in PostgreSQL and is re-read by the handler. */
export interface JobPayloads {
  'invitation.send': { invitationId: string };
}

export type JobName = keyof JobPayloads;

export type JobOf<N extends JobName> = { name: N; data: JobPayloads[N] };

/** Discriminated union of every job, for processors that switch on `name`. */
export type AnyJob = { [N in JobName]: JobOf<N> }[JobName];

export interface JobPolicy {
  queue: QueueName;
  /** Total tries, the first included. */
  attempts: number;
  /** Base delay of exponential back-off, in milliseconds. */
  backoffMs: number;
  /** How long finished jobs are kept (seconds), which also bounds jobId de-duplication. */
  keepCompletedSeconds: number;
  keepFailedSeconds: number;
}

const DAY = 24 * 3600;

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  'invitation.send': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
};

/** Domain events written to the outbox, with the payload they carry. */
export interface EventPayloads {
  'invitation.created': { invitationId: string };
}

export type EventName = keyof EventPayloads;

type JobsAccepting<P> = { [J in JobName]: P extends JobPayloads[J] ? J : never }[JobName];

/** Which jobs each event starts; one outbox row is written per job. */
export const EVENT_ROUTES: { [E in EventName]: readonly JobsAccepting<EventPayloads[E]>[] } = {
  'invitation.created': ['invitation.send'],
};

export function queueOf(job: JobName): QueueName {
  return JOB_POLICIES[job].queue;
}
