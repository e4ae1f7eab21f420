import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'X-Kuaizhuan-Signature';
/** Header carrying the delivery id, the same on every retry: receivers de-duplicate on it. */
export const DELIVERY_HEADER = 'X-Kuaizhuan-Delivery';
/** Header carrying the notification type. */
export const EVENT_HEADER = 'X-Kuaizhuan-Event';

/** How far a receiver should accept a timestamp from its own clock, against replays. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SECRET_PREFIX = 'whsec_';

/** A new endpoint secret: 32 random bytes, base64url, with a recognisable prefix. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Enough of a secret to tell which one is in use, never enough to use it. */
export function secretHint(secret: string): string {
  return `${SECRET_PREFIX}…${secret.slice(-4)}`;
}

/** Hex HMAC-SHA256, keyed with the secret's text, over `${timestamp}.${body}`. */
export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`;
}

export interface ParsedSignature {
  timestamp: number;
  /** Every v1 value given (a sender may sign with more than one secret). */
  signatures: string[];
}

export function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value !== undefined && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

export type VerificationResult = { valid: true } | { valid: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * What a receiver does with a call: the header must be well formed, its timestamp within
 * `toleranceSeconds` of `now`, and one of its signatures that of the raw body.
 */
export function verifySignature(
  header: string,
  body: string,
  secret: string,
  now = Date.now(),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerificationResult {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { valid: false, reason: 'malformed' };
  if (Math.abs(Math.floor(now / 1000) - parsed.timestamp) > toleranceSeconds) return { valid: false, reason: 'stale' };
  const expected = Buffer.from(computeSignature(secret, parsed.timestamp, body), 'hex');
  const matches = parsed.signatures.some((given) => timingSafeEqual(Buffer.from(given, 'hex'), expected));
  return matches ? { valid: true } : { valid: false, reason: 'mismatch' };
}
