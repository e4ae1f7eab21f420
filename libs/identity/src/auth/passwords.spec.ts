import { parseOptions } from '@node-rs/argon2';
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
    it('refuses every password after a real argon2 verification at the cost of a real hash', async () => {
      const verify = jest.spyOn(passwords, 'verify');
      await expect(passwords.verifyNobody('correct horse battery')).resolves.toBe(false);
      expect(verify).toHaveBeenCalledTimes(1);
      const [dummy, password] = verify.mock.calls[0];
      expect(password).toBe('correct horse battery');
      // Same algorithm and cost as a stored hash: the check takes as long as one on a real account.
      const { algorithm, memoryCost, timeCost, parallelism } = parseOptions(await passwords.hash('x'.repeat(12)));
      expect(parseOptions(dummy)).toMatchObject({ algorithm, memoryCost, timeCost, parallelism });
      verify.mockRestore();
    });
  });
});
