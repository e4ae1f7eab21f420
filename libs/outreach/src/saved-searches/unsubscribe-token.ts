import { createHmac, timingSafeEqual } from 'node:crypto';

/** The key of unsubscribe links, derived from the platform's secret so it is never the secret itself. */
export function unsubscribeKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('kuaizhuan:saved-search:unsubscribe').digest();
}

/** The token that lets whoever holds a message stop its saved search without signing in. */
export function unsubscribeToken(key: Buffer, savedSearchId: string): string {
  return createHmac('sha256', key).update(savedSearchId).digest('base64url');
}

export function isUnsubscribeToken(key: Buffer, savedSearchId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(key, savedSearchId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The portal page an unsubscribe link opens; it stops the search with one click. */
export function unsubscribePath(key: Buffer, savedSearchId: string): string {
  return `/saved-searches/unsubscribe?id=${savedSearchId}&token=${unsubscribeToken(key, savedSearchId)}`;
}
