import { InvalidInputError } from '@kuaizhuan/platform';

/**
 * The input's own fields that are not undefined: what a create or a partial update may write.
 * `null` clears a field only where the column may be empty; elsewhere it is refused (422 naming
 * the field) rather than reaching a NOT NULL constraint.
 */
export function defined<T extends object>(input: T, nullable: readonly string[] = []): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null && !nullable.includes(key)) throw new InvalidInputError(`${key} cannot be null`, key);
    out[key] = value;
  }
  return out as Partial<T>;
}
