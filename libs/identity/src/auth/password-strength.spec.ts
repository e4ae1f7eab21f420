import { passwordWeakness } from './password-strength';

describe('passwordWeakness', () => {
  it('refuses common passwords, runs and blanks, whatever their length', () => {
    for (const password of ['1234567890', '          ', 'password123', 'qwertyuiop', 'abcdefghij']) {
      expect(passwordWeakness(password)).toEqual(expect.any(String));
    }
  });

  it('refuses a password made of the user’s own e-mail address', () => {
    expect(passwordWeakness('wangmin2026', ['wangmin2026@example.test'])).toEqual(expect.any(String));
  });

  it('accepts a long phrase', () => {
    expect(passwordWeakness('a long test password')).toBeNull();
    expect(passwordWeakness('Kuaizhuan2026!')).toBeNull();
  });
});
