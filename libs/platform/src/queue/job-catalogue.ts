/**
 * The one catalogue of queues, jobs and events. Adding a job means adding its payload,
 * its queue and its policy here (the compiler refuses a job that is not fully wired), and
 * its `@OnJob` handler beside the code it runs (the worker refuses to start without one).
 */

/**
 * Queue names are keys in Redis: NEVER rename one, or jobs waiting under the old
 * name are stranded. Add a new name instead and drain the old queue.
 */
export enum QueueName {
  Deliver = 'deliver',
  /** Search index updates: upserts, removals and reconciliation (catalog). */
  Index = 'index',
  /** Bulk imports of achievements from CSV/XLSX (catalog). */
  Import = 'import',
  /**
   * Signed webhook calls to organisations' own endpoints (delivery). Their own queue: a third
   * party's server may hang until the timeout and is retried for hours, which must not hold up
   * e-mail and invitations on `deliver`.
   */
  Webhook = 'webhook',
  /** Matching needs to achievements and back, writing recommendations (matching). */
  Match = 'match',
  /** Deal reminders and due-date steps, mostly delayed until their moment (deals). */
  Deals = 'deals',
  /** Open challenges: pushing a published one to the teams that fit, deadline reminders (challenges). */
  Challenges = 'challenges',
}

/** Which catalogue rows to bring the search index in line with (ids only; re-read by the job). */
export interface CatalogIndexPayload {
  kind: 'need' | 'achievement' | 'researcher';
  ids: string[];
}

/** One row of the delivery table to carry out (re-read by the job). */
export interface DeliveryPayload {
  deliveryId: string;
}

/** Which needs or achievements to match (ids only; the job re-reads them). */
export interface MatchPayload<K extends 'need' | 'achievement'> {
  kind: K;
  ids: string[];
}

/** What each job carries: ids only. State lives in PostgreSQL and is re-read by the handler. */
export interface JobPayloads {
  'invitation.send': { invitationId: string };
  /** Mails a self-registered user the link that confirms the address (a new token each request). */
  'signup.confirm': { userId: string };
  /** Tells the owner of an account that someone tried to register with its address. */
  'signup.notice': { userId: string };
  'catalog.index': CatalogIndexPayload;
  'catalog.import': { importId: string };
  /** Compares Postgres and the search index and repairs the difference. */
  'catalog.reconcile': { trigger: 'schedule' | 'manual' };
  /** Sends one immediate e-mail delivery. */
  'delivery.email': DeliveryPayload;
  /** POSTs one signed webhook delivery. */
  'delivery.webhook': DeliveryPayload;
  /** Sends one user's pending digest e-mail deliveries as one e-mail. */
  'delivery.digest': { userId: string };
  /** Finds the users with pending digest deliveries and starts a `delivery.digest` job for each. */
  'delivery.digest.sweep': { trigger: 'schedule' | 'manual' };
  /** Finds achievements for published needs (and withdraws recommendations of needs no longer published). */
  'match.need': MatchPayload<'need'>;
  /** Finds open needs for published achievements (the reverse direction). */
  'match.achievement': MatchPayload<'achievement'>;
  /** Finds published needs and achievements whose latest version was never matched, and matches them. */
  'match.reconcile': { trigger: 'schedule' | 'manual' };
  /** Pushes an approved recommendation to the people on both sides. */
  'recommendation.deliver': { recommendationId: string };
  /** Sends newly published needs or achievements to the saved searches that find them (outreach). */
  'saved_search.match': CatalogIndexPayload;
  /** Adds a delayed `deal.reminder` job for each reminder of the deal not yet done. */
  'deal.reminders.plan': { dealId: string };
  /** Carries out one reminder row at its moment (re-read; skipped when done or no longer due). */
  'deal.reminder': { reminderId: string };
  /** Re-adds the delayed job of every reminder not yet done (a no-op for jobs Redis still holds). */
  'deal.reminders.sweep': { trigger: 'schedule' | 'manual' };
  /** Matches a published challenge to achievements and pushes it to the TTOs whose achievements fit. */
  'challenge.announce': { challengeId: string };
  /** Adds a delayed `challenge.reminder` job for each reminder of the challenge not yet done. */
  'challenge.reminders.plan': { challengeId: string };
  /** Reminds the teams of a challenge's deadline (re-read; skipped when done or no longer due). */
  'challenge.reminder': { reminderId: string };
}

export type JobName = keyof JobPayloads;

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
  'challenge.announce': {
    queue: QueueName.Challenges,
    attempts: 6,
    backoffMs: 5_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'challenge.reminders.plan': {
    queue: QueueName.Challenges,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  // Kept a year once done: its jobId (the reminder row and moment) then still refuses a second copy.
  'challenge.reminder': {
    queue: QueueName.Challenges,
    attempts: 8,
    backoffMs: 10_000,
    keepCompletedSeconds: 365 * DAY,
    keepFailedSeconds: 90 * DAY,
  },
  'deal.reminders.plan': {
    queue: QueueName.Deals,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'deal.reminders.sweep': {
    queue: QueueName.Deals,
    attempts: 3,
    backoffMs: 60_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  // Kept a year once done: its jobId (the reminder row's id) then still refuses a second copy.
  'deal.reminder': {
    queue: QueueName.Deals,
    attempts: 8,
    backoffMs: 10_000,
    keepCompletedSeconds: 365 * DAY,
    keepFailedSeconds: 90 * DAY,
  },
  'match.need': {
    queue: QueueName.Match,
    attempts: 6,
    backoffMs: 5_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'match.achievement': {
    queue: QueueName.Match,
    attempts: 6,
    backoffMs: 5_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'match.reconcile': {
    queue: QueueName.Match,
    attempts: 3,
    backoffMs: 60_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'recommendation.deliver': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'saved_search.match': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'invitation.send': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'signup.confirm': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'signup.notice': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'catalog.index': {
    queue: QueueName.Index,
    attempts: 10,
    backoffMs: 2_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'catalog.import': {
    queue: QueueName.Import,
    attempts: 3,
    backoffMs: 10_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'catalog.reconcile': {
    queue: QueueName.Index,
    attempts: 3,
    backoffMs: 60_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'delivery.email': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 5_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  // 30 s doubling ten times: a receiver may be away for about four hours before the delivery fails.
  'delivery.webhook': {
    queue: QueueName.Webhook,
    attempts: 10,
    backoffMs: 30_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'delivery.digest': {
    queue: QueueName.Deliver,
    attempts: 8,
    backoffMs: 10_000,
    keepCompletedSeconds: 7 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
  'delivery.digest.sweep': {
    queue: QueueName.Deliver,
    attempts: 3,
    backoffMs: 60_000,
    keepCompletedSeconds: 1 * DAY,
    keepFailedSeconds: 30 * DAY,
  },
};

/** Domain events written to the outbox, with the payload they carry. */
export interface EventPayloads {
  'invitation.created': { invitationId: string };
  /** A registration (or a resend) asked for a confirmation e-mail to an unconfirmed user. */
  'signup.requested': { userId: string };
  /** A registration named the address of an existing account: its owner is told, nothing is created. */
  'signup.repeated': { userId: string };
  /** Needs a moderator approved (also re-indexed). */
  'need.published': CatalogIndexPayload & { kind: 'need' };
  /** Needs whose indexed content or visibility changed in any other way, published before or now. */
  'need.changed': CatalogIndexPayload & { kind: 'need' };
  /** Needs changed without being published before or after (drafts, submissions): nothing to match. */
  'need.drafted': CatalogIndexPayload & { kind: 'need' };
  'achievement.published': CatalogIndexPayload & { kind: 'achievement' };
  'achievement.changed': CatalogIndexPayload & { kind: 'achievement' };
  'achievement.drafted': CatalogIndexPayload & { kind: 'achievement' };
  'researcher.changed': CatalogIndexPayload & { kind: 'researcher' };
  'catalog.import.requested': { importId: string };
  /** An immediate e-mail delivery was recorded (delivery). */
  'delivery.email.requested': DeliveryPayload;
  /** A webhook delivery was recorded (delivery). */
  'delivery.webhook.requested': DeliveryPayload;
  /** A manager (or the auto-approval policy) approved a recommendation (matching). */
  'recommendation.approved': { recommendationId: string };
  /** Reminder rows of a deal were written (deals). */
  'deal.reminders.changed': { dealId: string };
  /** A challenge was published (challenges). */
  'challenge.published': { challengeId: string };
  /** Reminder rows of a challenge were written again, its deadline moved (challenges). */
  'challenge.reminders.changed': { challengeId: string };
}

export type EventName = keyof EventPayloads;

type JobsAccepting<P> = { [J in JobName]: P extends JobPayloads[J] ? J : never }[JobName];

/** Which jobs each event starts; one outbox row is written per job. */
export const EVENT_ROUTES: { [E in EventName]: readonly JobsAccepting<EventPayloads[E]>[] } = {
  'invitation.created': ['invitation.send'],
  'signup.requested': ['signup.confirm'],
  'signup.repeated': ['signup.notice'],
  'need.published': ['catalog.index', 'match.need', 'saved_search.match'],
  'need.changed': ['catalog.index', 'match.need'],
  'need.drafted': ['catalog.index'],
  'achievement.published': ['catalog.index', 'match.achievement', 'saved_search.match'],
  'achievement.changed': ['catalog.index', 'match.achievement'],
  'achievement.drafted': ['catalog.index'],
  'researcher.changed': ['catalog.index'],
  'catalog.import.requested': ['catalog.import'],
  'delivery.email.requested': ['delivery.email'],
  'delivery.webhook.requested': ['delivery.webhook'],
  'recommendation.approved': ['recommendation.deliver'],
  'deal.reminders.changed': ['deal.reminders.plan'],
  'challenge.published': ['challenge.announce', 'challenge.reminders.plan'],
  'challenge.reminders.changed': ['challenge.reminders.plan'],
};

export function queueOf(job: JobName): QueueName {
  return JOB_POLICIES[job].queue;
}
