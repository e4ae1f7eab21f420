import i18n from 'i18next';
import type { ErrorBody, FieldProblem } from './types';

/**
 * The api's refusals in the portal's language. The error body names each field at fault and
 * the validation rule it broke; the rule is worded here, and the server's own (English) words
 * are kept only where there is no wording for it, or as the detail of a clash with the state.
 */

/** What is wrong with one field. */
export function problemText(problem: FieldProblem): string {
  const key = `refusals.constraints.${problem.constraint}`;
  return problem.constraint && i18n.exists(key) ? i18n.t(key) : problem.message;
}

/** What the status of a refusal means, with the server's words as its detail (its own words when unworded). */
function statusText(status: number, body: ErrorBody): string {
  const key = `refusals.byStatus.${status}`;
  return i18n.exists(key) ? i18n.t(key, { detail: body.message }) : body.message;
}

/** What a refused request means to the user: each field and its problem, or what the status means. */
export function refusalText(status: number, body: ErrorBody): string {
  const sep = i18n.t('refusals.fieldSeparator');
  if (body.fields?.length) {
    return body.fields.map((p) => `${p.field}${sep}${problemText(p)}`).join(i18n.t('refusals.separator'));
  }
  if (status >= 500 && status !== 503) return i18n.t('refusals.serverError', { requestId: body.requestId ?? '—' });
  const text = statusText(status, body);
  return body.field && status === 422 ? `${body.field}${sep}${text}` : text;
}

/** Each field's problem, worded, for the form showing it beside the field. */
export function fieldProblems(status: number, body: ErrorBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of body.fields ?? []) out[problem.field] ??= problemText(problem);
  if (body.field && !out[body.field]) out[body.field] = statusText(status, body);
  return out;
}
