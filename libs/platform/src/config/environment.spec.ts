import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills defaults that work with local PostgreSQL and Redis', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/kuaizhuan');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PORT).toBe(3000);
  });

  it('converts numbers given as text', () => {
    expect(validateEnvironment({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('names every malformed variable', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', REDIS_URL: 'http://x' })).toThrow(
      /PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/,
    );
  });

  it('refuses the development secret in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET/);
  });

  it('treats an empty variable as unset', () => {
    expect(validateEnvironment({ MEILI_HOST: '' }).MEILI_HOST).toBeUndefined();
  });
});
