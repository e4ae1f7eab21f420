import { mayDecide } from './review-policy';

describe('mayDecide', () => {
  const me = 'a0000000-0000-4000-8000-000000000001';
  const other = 'a0000000-0000-4000-8000-000000000002';

  it('lets the assigned manager decide, and any manager when nobody is assigned', () => {
    expect(mayDecide({ userId: me, role: 'manager' }, me)).toBe(true);
    expect(mayDecide({ userId: me, role: 'manager' }, null)).toBe(true);
  });

  it('refuses a manager when another manager is assigned', () => {
    expect(mayDecide({ userId: me, role: 'manager' }, other)).toBe(false);
  });

  it('lets an admin decide whoever is assigned', () => {
    expect(mayDecide({ userId: me, role: 'admin' }, other)).toBe(true);
    expect(mayDecide({ userId: me, role: 'admin' }, null)).toBe(true);
  });

  it.each(['enterprise', 'tto'] as const)('never lets a %s user decide', (role) => {
    expect(mayDecide({ userId: me, role }, me)).toBe(false);
    expect(mayDecide({ userId: me, role }, null)).toBe(false);
  });
});
