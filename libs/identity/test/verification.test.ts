import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedIdentity, DEMO_PASSWORD, type DemoAccounts } from '@kuaizhuan/identity';
import { startApi } from '../../../test/support/apps';
import {
  bearer,
  confirmationMail,
  confirmationToken,
  confirmEmail,
  registerAccount,
  signIn,
  signupMailbox,
  uniqueEmail,
  type SignedIn,
} from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { currentText } from '../src/verification/legal-texts';
import { MAX_LICENCE_BYTES } from '../src/verification/licence-file';
import {
  AdminVerificationController,
  LegalController,
  OrganisationLicenceController,
} from '../src/verification/verification.controller';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let demo: DemoAccounts;
let admin: SignedIn;
let alpha: SignedIn;
let beta: SignedIn;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

const upload = (account: SignedIn, orgId: string, content: Buffer, name: string) =>
  request(http)
    .post(`/api/organisations/${orgId}/licence`)
    .set(bearer(account.accessToken))
    .attach('file', content, name);

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  demo = await seedIdentity(dataSource);
  admin = await signIn(http, 'admin@kuaizhuan.demo', DEMO_PASSWORD);
  alpha = await registerAccount(http, { name: '甲执照公司' });
  beta = await registerAccount(http, { name: '乙执照大学', kind: 'university' });
});

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe(LegalController.name, () => {
  it('serves the current user agreement and privacy notice to anyone, with their versions', async () => {
    const { body } = await request(http).get('/api/legal/documents').expect(200);
    expect(body.map((d: { document: string; version: string }) => [d.document, d.version])).toEqual([
      ['terms', currentText('terms').version],
      ['privacy', currentText('privacy').version],
    ]);
    expect(body[1].title.zh).toBe('个人信息保护告知书');
    expect(body[1].body.en.length).toBeGreaterThan(3);
  });
});

describe('registration consent', () => {
  const registration = (email: string, consent?: object) => ({
    email,
    password: 'a long enough password',
    name: '王注册',
    phone: '13800138000',
    organisation: { name: `同意测试 ${email}`, kind: 'enterprise' },
    ...(consent ? { consent } : {}),
  });

  it('records which versions were accepted and when', async () => {
    const email = uniqueEmail('consent');
    const consent = { termsVersion: currentText('terms').version, privacyVersion: currentText('privacy').version };
    await request(http).post('/api/auth/register').send(registration(email, consent)).expect(202);
    const rows: { document: string; version: string; accepted_at: Date }[] = await dataSource.query(
      `SELECT document, version, accepted_at FROM legal_consent
       WHERE user_id = (SELECT id FROM user_account WHERE email = $1) ORDER BY document`,
      [email],
    );
    expect(rows.map((r) => [r.document, r.version])).toEqual([
      ['terms', consent.termsVersion],
      ['privacy', consent.privacyVersion],
    ]);
    expect(Math.abs(rows[0].accepted_at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses an outdated version or a malformed consent, naming the field, and registers nothing', async () => {
    const email = uniqueEmail('stale');
    const stale = await request(http)
      .post('/api/auth/register')
      .send(registration(email, { termsVersion: '2020-01-01', privacyVersion: currentText('privacy').version }))
      .expect(400);
    expect(stale.body.fields.map((f: { field: string }) => f.field)).toEqual(['consent.termsVersion']);
    const malformed = await request(http)
      .post('/api/auth/register')
      .send(registration(email, { termsVersion: 7, extra: true }))
      .expect(400);
    const fields = malformed.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['consent.termsVersion', 'consent.privacyVersion', 'consent.extra']));
    // Without consent there is no account: the field is required, not only checked when given.
    const missing = await request(http).post('/api/auth/register').send(registration(email)).expect(400);
    expect(new Set(missing.body.fields.map((f: { field: string }) => f.field))).toEqual(new Set(['consent']));
    const [{ n }]: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM user_account WHERE email = $1`,
      [email],
    );
    expect(n).toBe(0);
  });
});

describe(OrganisationLicenceController.name, () => {
  it('takes a pending organisation’s licence, checked by content, and shows it on file', async () => {
    const before = await request(http).get(`/api/organisations/${alpha.orgId}/licence`).set(bearer(alpha.accessToken));
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ licence: null });
    const uploaded = await upload(alpha, alpha.orgId, PDF, '营业执照.pdf').expect(201);
    expect(uploaded.body).toMatchObject({ fileName: '营业执照.pdf', contentType: 'application/pdf', size: PDF.length });
    // A second upload replaces the first: the type comes from the content, not the name.
    const again = await upload(alpha, alpha.orgId, PNG, 'scan.pdf').expect(201);
    expect(again.body.contentType).toBe('image/png');
    const onFile = await request(http).get(`/api/organisations/${alpha.orgId}/licence`).set(bearer(alpha.accessToken));
    expect(onFile.body.licence).toMatchObject({ fileName: 'scan.pdf', contentType: 'image/png' });
  });

  it('refuses a file that is not a PDF or image, one too large, or none, naming the field', async () => {
    const exe = await upload(alpha, alpha.orgId, Buffer.from('MZ\x90\x00 not a licence'), 'licence.pdf').expect(400);
    expect(exe.body.fields.map((f: { field: string }) => f.field)).toEqual(['file']);
    const big = await upload(
      alpha,
      alpha.orgId,
      Buffer.concat([PDF, Buffer.alloc(MAX_LICENCE_BYTES + 1 - PDF.length)]),
      'big.pdf',
    );
    expect(big.status).toBe(400);
    expect(big.body.fields.map((f: { field: string }) => f.field)).toEqual(['file']);
    const none = await request(http)
      .post(`/api/organisations/${alpha.orgId}/licence`)
      .set(bearer(alpha.accessToken))
      .expect(400);
    expect(none.body.fields.map((f: { field: string }) => f.field)).toEqual(['file']);
  });

  it('answers 404 to another organisation’s members and to the operator, and 409 once verified', async () => {
    await upload(beta, alpha.orgId, PDF, 'x.pdf').expect(404);
    await request(http).get(`/api/organisations/${alpha.orgId}/licence/file`).set(bearer(beta.accessToken)).expect(404);
    await upload(admin, alpha.orgId, PDF, 'x.pdf').expect(404);
    const manager = await signIn(http, demo.manager.email, DEMO_PASSWORD);
    await upload(manager, manager.orgId, PDF, 'x.pdf').expect(409);
    await request(http).post('/api/organisations/not-a-uuid/licence').set(bearer(alpha.accessToken)).expect(400);
    await request(http).post(`/api/organisations/${alpha.orgId}/licence`).expect(401);
  });
});

describe(AdminVerificationController.name, () => {
  it('shows the operator the registrant, the licence and the consents, and lets it download the licence', async () => {
    const email = uniqueEmail('registrant');
    const registered = await request(http)
      .post('/api/auth/register')
      .send({
        email,
        password: 'a long enough password',
        name: '赵登记',
        phone: '13912345678',
        organisation: { name: '丙待审企业', kind: 'enterprise' },
        consent: { termsVersion: currentText('terms').version, privacyVersion: currentText('privacy').version },
      })
      .expect(202);
    expect(registered.body).toEqual({ status: 'confirmation_sent' });
    // The registrant confirms the address from the e-mail, which signs in, and then uploads the licence.
    const newcomer = await confirmEmail(
      http,
      confirmationToken(await confirmationMail(signupMailbox(), email)),
      email,
      'a long enough password',
    );
    const orgId = newcomer.orgId;
    await upload(newcomer, orgId, PDF, '营业执照.pdf').expect(201);

    const { body } = await request(http)
      .get(`/api/admin/organisations/${orgId}/verification`)
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(body.registrant).toEqual({ name: '赵登记', email, phone: '13912345678' });
    expect(body.licence).toMatchObject({ fileName: '营业执照.pdf', contentType: 'application/pdf' });
    expect(body.consents.map((c: { document: string; userName: string }) => [c.document, c.userName]).sort()).toEqual([
      ['privacy', '赵登记'],
      ['terms', '赵登记'],
    ]);
    const file = await request(http)
      .get(`/api/admin/organisations/${orgId}/licence`)
      .set(bearer(admin.accessToken))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
  });

  it('is for the operator only', async () => {
    await request(http)
      .get(`/api/admin/organisations/${alpha.orgId}/verification`)
      .set(bearer(alpha.accessToken))
      .expect(403);
    await request(http)
      .get(`/api/admin/organisations/${alpha.orgId}/licence`)
      .set(bearer(beta.accessToken))
      .expect(403);
    await request(http)
      .get('/api/admin/organisations/00000000-0000-4000-8000-000000000000/verification')
      .set(bearer(admin.accessToken))
      .expect(404);
  });
});
