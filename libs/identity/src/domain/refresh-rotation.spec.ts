import { decideRefresh, familyExpiry } from './refresh-rotation';

const now = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-20T10:00:00Z');
const earlier = new Date('2026-02-01T10:00:00Z');

describe('decideRefresh', () => {
  it('rotates an unused, unrevoked, unexpired token', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('rotate');
  });

  it('treats a token that was already exchanged as reuse, even after its family was revoked', () => {
    expect(decideRefresh({ usedAt: earlier, revokedAt: null, expiresAt: later }, now)).toBe('reuse');
    expect(decideRefresh({ usedAt: earlier, revokedAt: earlier, expiresAt: later }, now)).toBe('reuse');
    expect(decideRefresh({ usedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe('reuse');
  });

  it('hands out another successor for a token exchanged within the grace window, never after', () => {
    const justNow = new Date(now.getTime() - 5_000);
    expect(decideRefresh({ usedAt: justNow, revokedAt: null, expiresAt: later }, now, 10_000)).toBe('grace');
    expect(decideRefresh({ usedAt: justNow, revokedAt: null, expiresAt: later }, now, 5_000)).toBe('reuse');
    expect(decideRefresh({ usedAt: justNow, revokedAt: justNow, expiresAt: later }, now, 10_000)).toBe('reuse');
    expect(decideRefresh({ usedAt: justNow, revokedAt: null, expiresAt: later }, now)).toBe('reuse');
  });

  it('refuses an unused token of a revoked family', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: earlier, expiresAt: later }, now)).toBe('revoked');
  });

  it('refuses an expired token, including one expiring this very instant', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe('expired');
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
  });
});

describe('familyExpiry', () => {
  it('adds the lifetime in whole days to the sign-in time', () => {
    expect(familyExpiry(now, 30).toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });
});
