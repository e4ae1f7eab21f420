import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { buildMessage, ValidateBy } from 'class-validator';
import { RequestValidationError, type FieldProblem } from '../errors/validation';

/** Deepest JSON nesting a request body may have; real bodies here are 4 levels at most. */
export const MAX_JSON_DEPTH = 32;

/**
 * The nesting depth of a JSON text, read without parsing it, stopping as soon as it passes
 * `limit` (so a hostile body costs one scan of its first bytes, never a parser's stack).
 */
export function jsonDepthExceeds(text: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const byte = text[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // a backslash escapes the next byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/** A body parser `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed. */
export function refuseDeepJson(_req: unknown, _res: unknown, buffer: Buffer): void {
  if (jsonDepthExceeds(buffer, MAX_JSON_DEPTH)) {
    throw new RequestValidationError([
      { field: 'body', message: `must not nest objects or arrays more than ${MAX_JSON_DEPTH} levels deep` },
    ]);
  }
}

// Letters, marks, numbers, punctuation and symbols are visible; separators, controls, format
// characters (zero-width spaces, joiners, BOM, bidi marks) and unassigned code points are not.
const VISIBLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/**
 * Why a string may not be stored, or null when it may. `stored`: text that is kept (bodies, ids),
 * which must also show something; a query string's blank search is only trimmed away.
 */
export function stringProblem(value: string, stored = true): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (stored && value.length > 0 && !VISIBLE.test(value)) {
    return 'must contain visible characters, not only blanks or invisible ones';
  }
  return null;
}

function collect(value: unknown, path: string, out: FieldProblem[], depth: number, stored: boolean): void {
  if (out.length >= 20 || depth > MAX_JSON_DEPTH) return;
  if (typeof value === 'string') {
    const problem = stringProblem(value, stored);
    if (problem) out.push({ field: path || 'value', message: `${path || 'value'} ${problem}`, constraint: 'storable' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, `${path}[${index}]`, out, depth + 1, stored));
    return;
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) {
        out.push({ field, message: `${field} names a field with the NUL character (U+0000)`, constraint: 'storable' });
        continue;
      }
      collect(item, field, out, depth + 1, stored);
    }
  }
}

/**
 * First of the global pipes: every string of a body, query string or path parameter is one the
 * database can store and a person can see, or the request is answered 400 naming the field.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems: FieldProblem[] = [];
    const root = metadata.type === 'param' ? (metadata.data ?? 'id') : '';
    collect(value, root, problems, 0, metadata.type !== 'query');
    if (problems.length > 0) throw new RequestValidationError(problems);
    return value;
  }
}

/** Years a calendar date given to the platform may fall in: others are typing slips, not plans. */
export const PLAUSIBLE_YEARS = { from: 2000, to: 2100 } as const;

export function isPlausibleDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
  const year = date.getUTCFullYear();
  return year >= PLAUSIBLE_YEARS.from && year <= PLAUSIBLE_YEARS.to;
}

/** A real calendar day (YYYY-MM-DD) between 2000 and 2100. */
export function PlausibleDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isPlausibleDate',
    validator: {
      validate: isPlausibleDate,
      defaultMessage: buildMessage(
        (each) =>
          `${each}$property must be a real date written YYYY-MM-DD between ${PLAUSIBLE_YEARS.from} and ${PLAUSIBLE_YEARS.to}`,
      ),
    },
  });
}
