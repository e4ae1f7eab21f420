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

/** What a refused request means to the user: each field and its problem, or what the status means. */
export function refusalText(status: number, body: ErrorBody): string {
  if (body.fields?.length) {
    const sep = i18n.t('refusals.fieldSeparator');
    return body.fields.map((p) => `${p.field}${sep}${problemText(p)}`).join(i18n.t('refusals.separator'));
  }
  if (status >= 500 && status !== 503) return i18n.t('refusals.serverError', { requestId: body.requestId ?? '—' });
  const key = `refusals.byStatus.${status}`;
  if (!i18n.exists(key)) return body.message;
  const text = i18n.t(key, { detail: body.message });
  return body.field && status === 422 ? `${body.field}${i18n.t('refusals.fieldSeparator')}${text}` : text;
}

/** Each field's problem, worded, for the form showing it beside the field. */
export function fieldProblems(status: number, body: ErrorBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of body.fields ?? []) out[problem.field] ??= problemText(problem);
  if (body.field && !out[body.field]) {
    const key = `refusals.byStatus.${status}`;
    out[body.field] = i18n.exists(key) ? i18n.t(key, { detail: body.message }) : body.message;
  }
  return out;
}
