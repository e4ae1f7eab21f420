import { randomBytes } from 'node:crypto';
import request from 'supertest';

/** What supertest accepts: `app.getHttpServer()`. */
export type HttpTarget = Parameters<typeof request>[0];

export interface SignedIn {
  userId: string;
  orgId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export const TEST_PASSWORD = 'a long test password';

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** An address no other test uses. */
export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomBytes(4).toString('hex')}@example.test`;
}

export interface Registration {
  kind?: 'enterprise' | 'university' | 'research_institute' | 'service_agency';
  name?: string;
  email?: string;
  password?: string;
}

/** Registers an organisation with its first user through the api; expects 201. */
export async function registerAccount(http: HttpTarget, options: Registration = {}): Promise<SignedIn> {
  const email = options.email ?? uniqueEmail(options.kind ?? 'enterprise');
  const password = options.password ?? TEST_PASSWORD;
  const response = await request(http)
    .post('/api/auth/register')
    .send({
      email,
      password,
      name: '测试用户',
      organisation: { name: options.name ?? `测试机构 ${email}`, kind: options.kind ?? 'enterprise', region: '500112' },
    });
  if (response.status !== 201)
    throw new Error(`register answered ${response.status}: ${JSON.stringify(response.body)}`);
  return {
    userId: response.body.user.id,
    orgId: response.body.organisation.id,
    email,
    password,
    accessToken: response.body.tokens.accessToken,
    refreshToken: response.body.tokens.refreshToken,
  };
}

/** Signs in through the api; expects 200. */
export async function signIn(http: HttpTarget, email: string, password: string): Promise<SignedIn> {
  const response = await request(http).post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${JSON.stringify(response.body)}`);
  return {
    userId: response.body.user.id,
    orgId: response.body.organisation.id,
    email,
    password,
    accessToken: response.body.tokens.accessToken,
    refreshToken: response.body.tokens.refreshToken,
  };
}
