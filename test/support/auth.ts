import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { currentConsent, DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { ensureMailDelivery, eventually } from './apps';
import { SmtpCapture, type CapturedMail } from './smtp';

/** The consent every registration gives: today's versions of the user agreement and privacy notice. */
export const TEST_CONSENT = currentConsent();

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
  kind?: 'enterprise' | 'university' | 'research_institute';
  name?: string;
  email?: string;
  password?: string;
  /** The operator who verifies the new organisation at once; left out, it stays pending (drafts only). */
  verifiedBy?: SignedIn;
}

/**
 * Registers an organisation with its first user through the api (expects 202), reads the
 * confirmation e-mail the platform sends to the test's SMTP capture, and confirms the address
 * through the api, which signs the user in.
 */
export async function registerAccount(http: HttpTarget, options: Registration = {}): Promise<SignedIn> {
  const email = options.email ?? uniqueEmail(options.kind ?? 'enterprise');
  const password = options.password ?? TEST_PASSWORD;
  const smtp = signupMailbox();
  const before = smtp.messagesTo(email).length;
  const response = await request(http)
    .post('/api/auth/register')
    .send({
      email,
      password,
      name: '测试用户',
      organisation: { name: options.name ?? `测试机构 ${email}`, kind: options.kind ?? 'enterprise', region: '500112' },
      consent: TEST_CONSENT,
    });
  if (response.status !== 202)
    throw new Error(`register answered ${response.status}: ${JSON.stringify(response.body)}`);
  const mail = await confirmationMail(smtp, email, before);
  const signedIn = await confirmEmail(http, confirmationToken(mail), email, password);
  // The link has been followed: the mail leaves the capture, so a test reading what this address
  // was sent afterwards (pushes, digests, alerts) starts from the first message after sign-up.
  smtp.take(mail);
  if (options.verifiedBy) await verifyOrganisations(http, options.verifiedBy, signedIn.orgId);
  return signedIn;
}

/** The SMTP capture this file's apps send to (SMTP_URL); setUpTestEnvironment starts one unless given. */
export function signupMailbox(): SmtpCapture {
  const smtp = SmtpCapture.at(process.env.SMTP_URL);
  if (!smtp) throw new Error(`no SMTP capture of this process at SMTP_URL=${process.env.SMTP_URL}`);
  return smtp;
}

/** The first confirmation e-mail to `email` after the `after`-th message to it, once it arrives. */
export async function confirmationMail(smtp: SmtpCapture, email: string, after = 0): Promise<CapturedMail> {
  await ensureMailDelivery();
  return eventually(
    async () =>
      smtp
        .messagesTo(email)
        .slice(after)
        .find((message) => CONFIRM_LINK.test(message.text)),
    30_000,
    `the confirmation e-mail to ${email}`,
  );
}

const CONFIRM_LINK = /\/confirm\?token=([A-Za-z0-9_-]+)/;

/** The token of the confirmation link in an e-mail. */
export function confirmationToken(mail: CapturedMail): string {
  const match = CONFIRM_LINK.exec(mail.text);
  if (!match) throw new Error(`no confirmation link in: ${mail.text}`);
  return match[1];
}

/** Opens the confirmation link through the api; expects 200 and the session login gives. */
export async function confirmEmail(
  http: HttpTarget,
  token: string,
  email: string,
  password: string,
): Promise<SignedIn> {
  const response = await request(http).post('/api/auth/confirm').send({ token });
  if (response.status !== 200) throw new Error(`confirm answered ${response.status}: ${JSON.stringify(response.body)}`);
  return {
    userId: response.body.user.id,
    orgId: response.body.organisation.id,
    email,
    password,
    accessToken: response.body.tokens.accessToken,
    refreshToken: response.body.tokens.refreshToken,
  };
}

/**
 * The operator verifies organisations through the api (expects 200 each): until then they may
 * only prepare drafts.
 */
export async function verifyOrganisations(http: HttpTarget, admin: SignedIn, ...orgIds: string[]): Promise<void> {
  for (const orgId of orgIds) {
    const response = await request(http)
      .post(`/api/admin/organisations/${orgId}/verify`)
      .set(bearer(admin.accessToken));
    if (response.status !== 200)
      throw new Error(`verify answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** The demo operator (admin), seeded if need be and signed in through the api. */
export async function signInOperator(http: HttpTarget, dataSource: DataSource): Promise<SignedIn> {
  const demo = await seedIdentity(dataSource);
  return signIn(http, demo.operator.email, DEMO_PASSWORD);
}

/**
 * A technology manager of a verified agency, as the operator onboards one (written the way the demo
 * seed writes its manager: nobody can sign up into that role), signed in through the api.
 */
export async function grantedManager(http: HttpTarget, dataSource: DataSource, agencyName: string): Promise<SignedIn> {
  const email = uniqueEmail('manager');
  const [org] = await dataSource.query(
    `INSERT INTO organisation (name, kind, verification_status, verified_at)
     VALUES ($1, 'service_agency', 'verified', now()) RETURNING id`,
    [agencyName],
  );
  await dataSource.query(
    `INSERT INTO user_account (organisation_id, email, display_name, role, password_hash)
     VALUES ($1, $2, '测试用户', 'manager', $3)`,
    [org.id, email, await hash(TEST_PASSWORD)],
  );
  return signIn(http, email, TEST_PASSWORD);
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
