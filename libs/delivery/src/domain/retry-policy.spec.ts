import { JOB_POLICIES } from '@kuaizhuan/platform';
import { backoffDelays, healthAfterAttempt, isAccepted, statusAfterFailure } from './retry-policy';

describe('isAccepted', () => {
  it('is true for 2xx only', () => {
    expect([200, 201, 204, 299].map(isAccepted)).toEqual([true, true, true, true]);
    expect([null, 199, 301, 302, 400, 410, 500, 503].map(isAccepted)).toEqual(Array(8).fill(false));
  });
});

describe('backoffDelays', () => {
  it('doubles from the base between attempts', () => {
    expect(backoffDelays(1_000, 5)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelays(30_000, 3, 0.01)).toEqual([300, 600]);
    expect(backoffDelays(1_000, 1)).toEqual([]);
  });

  it('gives a webhook receiver about four hours before its delivery fails', () => {
    const policy = JOB_POLICIES['delivery.webhook'];
    const total = backoffDelays(policy.backoffMs, policy.attempts).reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(4);
    expect(total / 3_600_000).toBeLessThan(5);
  });
});

describe('statusAfterFailure', () => {
  it('retries until the last attempt, then fails', () => {
    expect(statusAfterFailure(1, 3)).toBe('retrying');
    expect(statusAfterFailure(2, 3)).toBe('retrying');
    expect(statusAfterFailure(3, 3)).toBe('failed');
    expect(statusAfterFailure(4, 3)).toBe('failed');
  });
});

describe('healthAfterAttempt', () => {
  const healthy = { consecutiveFailures: 0, disabled: false };

  it('clears the count on success', () => {
    expect(
      healthAfterAttempt({ consecutiveFailures: 3, disabled: false }, { accepted: true, deliveryFailed: false }, 5),
    ).toEqual({ consecutiveFailures: 0, disabled: false, justDisabled: false });
  });

  it('does not count a failed attempt that will be retried', () => {
    expect(healthAfterAttempt(healthy, { accepted: false, deliveryFailed: false }, 5)).toEqual({
      ...healthy,
      justDisabled: false,
    });
  });

  it('counts deliveries that failed for good and disables at the limit, once', () => {
    let health = { ...healthy };
    const seen: boolean[] = [];
    for (let n = 0; n < 4; n += 1) {
      const next = healthAfterAttempt(health, { accepted: false, deliveryFailed: true }, 3);
      seen.push(next.justDisabled);
      health = { consecutiveFailures: next.consecutiveFailures, disabled: next.disabled };
    }
    expect(seen).toEqual([false, false, true, false]);
    expect(health).toEqual({ consecutiveFailures: 4, disabled: true });
  });
});
