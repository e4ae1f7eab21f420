import { hashToken, newOpaqueToken } from './tokens';

describe('newOpaqueToken', () => {
  it('encodes 32 random bytes in base64url', () => {
    const token = newOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('never repeats itself', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newOpaqueToken()));
    expect(tokens.size).toBe(1000);
  });
});

describe('hashToken', () => {
  it('is the hex SHA-256 of the token, which differs from the token itself', () => {
    const token = newOpaqueToken();
    const hashed = hashToken(token);
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).not.toContain(token);
    expect(hashToken(token)).toBe(hashed);
  });

  it('matches a known SHA-256 digest', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
