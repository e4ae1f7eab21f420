import { Passwords } from './passwords';

describe(Passwords.name, () => {
  const passwords = new Passwords();

  describe('hash', () => {
    it('produces an argon2id hash that does not contain the password', async () => {
      const hashed = await passwords.hash('correct horse battery');
      expect(hashed).toMatch(/^\$argon2id\$/);
      expect(hashed).not.toContain('correct horse battery');
    });
  });

  describe('verify', () => {
    it('accepts the password and refuses another', async () => {
      const hashed = await passwords.hash('correct horse battery');
      await expect(passwords.verify(hashed, 'correct horse battery')).resolves.toBe(true);
      await expect(passwords.verify(hashed, 'correct horse battery!')).resolves.toBe(false);
    });

    it('refuses anything against a malformed hash instead of throwing', async () => {
      await expect(passwords.verify('not-a-hash', 'whatever')).resolves.toBe(false);
    });
  });

  describe('verifyNobody', () => {
    it('refuses every password, taking about as long as a real check', async () => {
      const hashed = await passwords.hash('correct horse battery');
      await passwords.verifyNobody('warm-up');
      const timed = async (work: () => Promise<unknown>): Promise<number> => {
        const start = process.hrtime.bigint();
        for (let i = 0; i < 5; i += 1) await work();
        return Number(process.hrtime.bigint() - start);
      };
      const real = await timed(() => passwords.verify(hashed, 'wrong password'));
      const dummy = await timed(() => passwords.verifyNobody('wrong password'));
      await expect(passwords.verifyNobody('correct horse battery')).resolves.toBe(false);
      expect(dummy / real).toBeGreaterThan(0.5);
      expect(dummy / real).toBeLessThan(2);
    });
  });
});
