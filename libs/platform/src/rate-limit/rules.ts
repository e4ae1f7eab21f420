/** What a limit counts requests of. */
export type RateScope = 'address' | 'account' | 'user' | 'organisation';

export interface RateRule {
  scope: RateScope;
  /** Requests allowed in the window. */
  limit: number;
  windowSeconds: number;
  /** How long a client that went over waits (the Retry-After it is told). */
  blockSeconds: number;
}

/** The routes with a limit of their own. */
export const RATE_LIMITED = [
  'login',
  'register',
  'refresh',
  'accept-invitation',
  'invite',
  'search',
  'import',
  'message',
] as const;
export type RateLimited = (typeof RATE_LIMITED)[number];

export interface RateSettings {
  /** AUTH_RATE_LIMIT_PER_MINUTE: sign-in and sign-up attempts per address and minute. */
  authPerMinute: number;
  /** RATE_LIMIT_FACTOR: multiplies every other limit. */
  factor: number;
}

const MINUTE = 60;
const HOUR = 3600;

/**
 * The limits of each route. Sign-in counts per address and per account, with a back-off: a few
 * tries a minute, then fewer an hour, each blocking longer. Refresh is not a password guess (the
 * token is 256 random bits): it only has a flood limit, far above what reloading pages needs,
 * so everyone behind one campus or office address keeps their sessions.
 */
export function rateRules(route: RateLimited, settings: RateSettings): RateRule[] {
  const scaled = (n: number): number => Math.max(1, Math.round(n * settings.factor));
  const auth = settings.authPerMinute;
  switch (route) {
    case 'login':
      return [
        { scope: 'address', limit: auth, windowSeconds: MINUTE, blockSeconds: MINUTE },
        { scope: 'account', limit: scaled(5), windowSeconds: MINUTE, blockSeconds: 5 * MINUTE },
        { scope: 'account', limit: scaled(20), windowSeconds: HOUR, blockSeconds: HOUR },
      ];
    case 'register':
      return [
        { scope: 'address', limit: auth, windowSeconds: MINUTE, blockSeconds: MINUTE },
        { scope: 'address', limit: scaled(30), windowSeconds: HOUR, blockSeconds: HOUR },
      ];
    case 'accept-invitation':
      return [{ scope: 'address', limit: auth, windowSeconds: MINUTE, blockSeconds: MINUTE }];
    case 'refresh':
      return [{ scope: 'address', limit: scaled(600), windowSeconds: MINUTE, blockSeconds: MINUTE }];
    case 'invite':
      return [
        { scope: 'user', limit: scaled(10), windowSeconds: MINUTE, blockSeconds: MINUTE },
        { scope: 'organisation', limit: scaled(100), windowSeconds: HOUR, blockSeconds: HOUR },
      ];
    case 'search':
      return [
        { scope: 'user', limit: scaled(60), windowSeconds: MINUTE, blockSeconds: MINUTE },
        { scope: 'organisation', limit: scaled(300), windowSeconds: MINUTE, blockSeconds: MINUTE },
      ];
    case 'import':
      return [
        { scope: 'user', limit: scaled(5), windowSeconds: MINUTE, blockSeconds: MINUTE },
        { scope: 'organisation', limit: scaled(30), windowSeconds: HOUR, blockSeconds: HOUR },
      ];
    case 'message':
      return [
        { scope: 'user', limit: scaled(30), windowSeconds: MINUTE, blockSeconds: MINUTE },
        { scope: 'organisation', limit: scaled(120), windowSeconds: MINUTE, blockSeconds: MINUTE },
      ];
  }
}
