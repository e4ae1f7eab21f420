import { RATE_LIMITED, rateRules } from './rules';

describe('rateRules', () => {
  const settings = { authPerMinute: 10, factor: 1 };

  it('limits sign-in per address with the configured figure and per account with a growing back-off', () => {
    const rules = rateRules('login', settings);
    expect(rules[0]).toEqual({ scope: 'address', limit: 10, windowSeconds: 60, blockSeconds: 60 });
    const account = rules.filter((rule) => rule.scope === 'account');
    expect(account).toHaveLength(2);
    expect(account[1].blockSeconds).toBeGreaterThan(account[0].blockSeconds);
  });

  it('gives refresh a flood limit far above the sign-in limit', () => {
    const [rule] = rateRules('refresh', settings);
    expect(rule.scope).toBe('address');
    expect(rule.limit).toBeGreaterThanOrEqual(60 * settings.authPerMinute);
  });

  it('counts invitations, search, imports and messages per user and per organisation', () => {
    for (const route of ['invite', 'search', 'import', 'message'] as const) {
      expect(rateRules(route, settings).map((rule) => rule.scope)).toEqual(['user', 'organisation']);
    }
  });

  it('scales every limit but the configured sign-in one by the factor, never below 1', () => {
    expect(rateRules('search', { authPerMinute: 10, factor: 10 })[0].limit).toBe(600);
    expect(rateRules('login', { authPerMinute: 10, factor: 10 })[0].limit).toBe(10);
    for (const route of RATE_LIMITED) {
      for (const rule of rateRules(route, { authPerMinute: 1, factor: 0.01 }))
        expect(rule.limit).toBeGreaterThanOrEqual(1);
    }
  });
});
