import { createHash, randomBytes } from 'node:crypto';

/** A fresh opaque token (32 random bytes, base64url) to hand to a client. Never stored as is. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of an opaque token: its SHA-256, hex encoded. */
export function hashToken(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}
