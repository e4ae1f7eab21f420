import type { UserRole } from '@kuaizhuan/identity';
import type { Bilingual } from './messages';
import { isNotificationType, type NotificationType } from './notification-types';
import type { Subject } from './plan';

/** What a lib hands to Notifier.notify: rendered texts, who receives it, where it links. */
export interface NotificationInput {
  type: NotificationType;
  /**
   * What it is about; with `type`, it identifies the notification. Notifying the same type and
   * subject again keeps the first call's texts and link and only reaches recipients not reached
   * yet: give each differently worded notice a subject of its own.
   */
  subject: Subject;
  recipients: {
    userIds?: readonly string[];
    /** Members of these organisations whose role is in `roles` (default: the type's audience). */
    organisationIds?: readonly string[];
    roles?: readonly UserRole[];
  };
  /** At most 200 characters each. */
  title: Bilingual;
  body: Bilingual;
  /** A portal path such as `/recommendations/<id>`; made absolute with PUBLIC_URL in e-mails and webhooks. */
  link: string;
  /** Structured facts for webhook receivers (ids, scores). Never contact details or secrets. */
  data?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SUBJECT_TYPE = /^[a-z][a-z0-9_.-]{0,39}$/;
const MAX_DATA_BYTES = 16_384;

function textProblem(field: string, value: unknown, max: number): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `${field} must be non-empty text`;
  return value.length > max ? `${field} must be at most ${max} characters` : null;
}

/** What is wrong with a notification a caller built (a programming error), or [] when nothing. */
export function notificationProblems(input: NotificationInput): string[] {
  const problems: (string | null)[] = [];
  if (!isNotificationType(input.type)) problems.push(`type ${String(input.type)} is not a notification type`);
  if (!SUBJECT_TYPE.test(input.subject?.type ?? '')) problems.push('subject.type must be a short lower-case name');
  problems.push(textProblem('subject.id', input.subject?.id, 64));
  problems.push(textProblem('title.zh', input.title?.zh, 200), textProblem('title.en', input.title?.en, 200));
  problems.push(textProblem('body.zh', input.body?.zh, 10_000), textProblem('body.en', input.body?.en, 10_000));
  if (typeof input.link !== 'string' || !/^\/(?!\/)\S{0,499}$/.test(input.link)) {
    problems.push('link must be a portal path starting with a single /');
  }
  const ids = [...(input.recipients?.userIds ?? []), ...(input.recipients?.organisationIds ?? [])];
  if (ids.length === 0) problems.push('recipients must name at least one user or organisation');
  if (ids.some((id) => !UUID.test(id))) problems.push('recipients must be UUIDs');
  if (input.data !== undefined && Buffer.byteLength(JSON.stringify(input.data)) > MAX_DATA_BYTES) {
    problems.push(`data must serialise to at most ${MAX_DATA_BYTES} bytes`);
  }
  return problems.filter((problem): problem is string => problem !== null);
}
