import type { FormInstance } from 'antd';
import i18n from 'i18next';
import { ApiError } from '../api/client';

/** An api field path (`organisation.creditCode`, `contributions[1].sharePercent`) as a form name path. */
export function namePath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const [, key, index] of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    path.push(index === undefined ? key : Number(index));
  }
  return path;
}

/** Whether the form holds a value at this path, i.e. the user can see and mend the field. */
function holds(values: unknown, path: (string | number)[]): boolean {
  let at: unknown = values;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !(key in at)) return false;
    at = (at as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Shows the server's refusal on the form's fields (e.g. `organisation.creditCode` on the
 * nested field) without touching what the user typed; returns the message for a banner: when
 * every field at fault is on the form, where each already says what is wrong, the banner only
 * points to them; otherwise it names the fields.
 */
export function showServerErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.fieldMessages()).map(([field, message]) => ({ path: namePath(field), message }));
  form.setFields(fields.map(({ path, message }) => ({ name: path, errors: [message] })));
  const values: unknown = form.getFieldsValue(true);
  if (fields.length > 0 && fields.every(({ path }) => holds(values, path))) return i18n.t('refusals.seeFields');
  return error.message;
}

/** Drops empty strings and empty lists, so optional fields left blank are not sent. */
export function compact<T extends object>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(values) as [keyof T, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value as T[keyof T];
  }
  return out;
}
