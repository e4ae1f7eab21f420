import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows the server's refusal on the form's fields (e.g. `organisation.creditCode` on the
 * nested field) without touching what the user typed; returns the message for a banner.
 */
export function showServerErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.fieldMessages());
  form.setFields(fields.map(([name, message]) => ({ name: name.split('.'), errors: [message] })));
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
