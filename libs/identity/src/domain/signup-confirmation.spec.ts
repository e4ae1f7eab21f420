import { confirmationState, registrationLapsed } from './signup-confirmation';

const NOW = new Date('2026-12-07T12:00:00Z');
const HOUR = 3600 * 1000;

describe('confirmationState', () => {
  it('is confirmed once the address was confirmed, whatever the token fields say', () => {
    expect(
      confirmationState({ emailConfirmedAt: NOW, confirmationTokenHash: 'a', confirmationExpiresAt: NOW }, NOW),
    ).toBe('confirmed');
  });

  it('is unsent before the worker mailed a link', () => {
    expect(
      confirmationState({ emailConfirmedAt: null, confirmationTokenHash: null, confirmationExpiresAt: null }, NOW),
    ).toBe('unsent');
  });

  it('is usable until the expiry and expired from that moment on', () => {
    const user = {
      emailConfirmedAt: null,
      confirmationTokenHash: 'a',
      confirmationExpiresAt: new Date(NOW.getTime() + 1),
    };
    expect(confirmationState(user, NOW)).toBe('usable');
    expect(confirmationState(user, new Date(NOW.getTime() + 1))).toBe('expired');
  });
});

describe('registrationLapsed', () => {
  it('keeps a registration whose last request is within a day', () => {
    expect(
      registrationLapsed({ emailConfirmedAt: null, confirmationRequestedAt: new Date(NOW.getTime() - 23 * HOUR) }, NOW),
    ).toBe(false);
  });

  it('lets go of one asked for more than a day ago, or never', () => {
    expect(
      registrationLapsed({ emailConfirmedAt: null, confirmationRequestedAt: new Date(NOW.getTime() - 25 * HOUR) }, NOW),
    ).toBe(true);
    expect(registrationLapsed({ emailConfirmedAt: null, confirmationRequestedAt: null }, NOW)).toBe(true);
  });

  it('never lets go of a confirmed account', () => {
    expect(
      registrationLapsed(
        { emailConfirmedAt: NOW, confirmationRequestedAt: null },
        new Date(NOW.getTime() + 1000 * HOUR),
      ),
    ).toBe(false);
  });
});
