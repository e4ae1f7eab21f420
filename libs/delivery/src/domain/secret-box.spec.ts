import { SecretBox } from './secret-box';

const master = 'a master secret of at least thirty-two characters';

describe(SecretBox.name, () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const box = new SecretBox(master);
    const one = box.seal('whsec_abc');
    const two = box.seal('whsec_abc');
    expect(one).not.toBe(two);
    expect(one).not.toContain('whsec_abc');
    expect(box.open(one)).toBe('whsec_abc');
    expect(box.open(two)).toBe('whsec_abc');
  });

  it('refuses a value sealed with another key or altered', () => {
    const sealed = new SecretBox(master).seal('whsec_abc');
    expect(() => new SecretBox(`${master}!`).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('whsec_abd').toString('base64url');
    expect(() => new SecretBox(master).open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(master).open('plain text')).toThrow('Not a sealed secret');
  });

  it('refuses a short master secret', () => {
    expect(() => new SecretBox('short')).toThrow(/32 characters/);
  });
});
