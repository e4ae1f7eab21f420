import { createHmac } from 'node:crypto';
import {
  computeSignature,
  newWebhookSecret,
  parseSignatureHeader,
  secretHint,
  signatureHeader,
  verifySignature,
} from './signature';

const secret = 'whsec_test-secret';
const body = JSON.stringify({ id: 'd-1', type: 'recommendation.approved', title: '推荐' });
const t = 1_790_000_000;
const now = t * 1000;

describe('computeSignature', () => {
  it('is the hex HMAC-SHA256 of "timestamp.body" keyed with the secret', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(computeSignature(secret, t, body)).toBe(expected);
    expect(signatureHeader(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('changes with the body, the timestamp and the secret', () => {
    const base = computeSignature(secret, t, body);
    expect(computeSignature(secret, t, `${body} `)).not.toBe(base);
    expect(computeSignature(secret, t + 1, body)).not.toBe(base);
    expect(computeSignature(`${secret}x`, t, body)).not.toBe(base);
  });
});

describe('parseSignatureHeader', () => {
  it('reads the timestamp and every v1 signature, ignoring unknown parts', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(parseSignatureHeader(`t=${t}, v1=${a},v0=zz,v1=${b}`)).toEqual({ timestamp: t, signatures: [a, b] });
  });

  it('refuses headers without a timestamp or a well-formed signature', () => {
    expect(parseSignatureHeader(`v1=${'a'.repeat(64)}`)).toBeNull();
    expect(parseSignatureHeader(`t=${t},v1=xyz`)).toBeNull();
    expect(parseSignatureHeader('')).toBeNull();
  });
});

describe('verifySignature', () => {
  const header = signatureHeader(secret, t, body);

  it('accepts the signed body within the tolerance', () => {
    expect(verifySignature(header, body, secret, now + 299_000)).toEqual({ valid: true });
  });

  it('refuses a changed body, another secret, a stale timestamp and a malformed header', () => {
    expect(verifySignature(header, body.replace('推荐', '推广'), secret, now)).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    expect(verifySignature(header, body, 'whsec_other', now)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature(header, body, secret, now + 301_000)).toEqual({ valid: false, reason: 'stale' });
    expect(verifySignature('garbage', body, secret, now)).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('newWebhookSecret', () => {
  it('makes distinct prefixed secrets of 256 bits, with a hint that does not reveal them', () => {
    const one = newWebhookSecret();
    const two = newWebhookSecret();
    expect(one).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(secretHint(one)).toBe(`whsec_…${one.slice(-4)}`);
  });
});
