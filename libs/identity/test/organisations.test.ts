import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedIdentity, DEMO_PASSWORD, type DemoAccounts } from '@kuaizhuan/identity';
import { AdminOrganisationsController, OrganisationsController } from '../src/organisations/organisations.controller';
import { AuditLog } from '../src/audit/audit-log';
import { startApi } from '../../../test/support/apps';
import { bearer, registerAccount, signIn, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let demo: DemoAccounts;
let admin: SignedIn;
let alpha: SignedIn;
let beta: SignedIn;

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  demo = await seedIdentity(dataSource);
  admin = await signIn(http, 'admin@kuaizhuan.demo', DEMO_PASSWORD);
  alpha = await registerAccount(http, { name: '甲公司' });
  beta = await registerAccount(http, { name: '乙大学', kind: 'university' });
});

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe(OrganisationsController.name, () => {
  describe('get', () => {
    it('shows members their own organisation', async () => {
      const response = await request(http).get(`/api/organisations/${alpha.orgId}`).set(bearer(alpha.accessToken));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: alpha.orgId, name: '甲公司', verificationStatus: 'pending' });
    });

    it('answers 404 for another organisation, exactly as for one that does not exist', async () => {
      const other = await request(http).get(`/api/organisations/${beta.orgId}`).set(bearer(alpha.accessToken));
      const none = await request(http)
        .get('/api/organisations/00000000-0000-4000-8000-000000000000')
        .set(bearer(alpha.accessToken));
      expect(other.status).toBe(404);
      expect(none.status).toBe(404);
      expect(other.body.message).toBe(none.body.message);
    });

    it('lets an admin see any organisation', async () => {
      const response = await request(http).get(`/api/organisations/${beta.orgId}`).set(bearer(admin.accessToken));
      expect(response.status).toBe(200);
      expect(response.body.kind).toBe('university');
    });

    it('answers 400 naming the parameter for an id that is not a UUID, and 401 without a token', async () => {
      const malformed = await request(http).get('/api/organisations/42').set(bearer(alpha.accessToken));
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields).toEqual([{ field: 'id', message: 'must be a UUID' }]);
      const anonymous = await request(http).get(`/api/organisations/${alpha.orgId}`);
      expect(anonymous.status).toBe(401);
    });
  });

  describe('update', () => {
    it('edits the profile fields and audits which ones changed', async () => {
      const response = await request(http)
        .patch(`/api/organisations/${alpha.orgId}`)
        .set(bearer(alpha.accessToken))
        .send({ name: '甲公司（重庆）', contactEmail: 'Contact@Example.test', region: '500106' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: '甲公司（重庆）',
        contactEmail: 'contact@example.test',
        region: '500106',
      });
      const [entry] = await dataSource.query(
        `SELECT actor_user_id, details FROM audit_log WHERE action = 'organisation.updated' AND subject_id = $1`,
        [alpha.orgId],
      );
      expect(entry).toEqual({ actor_user_id: alpha.userId, details: { fields: ['name', 'region', 'contactEmail'] } });
    });

    it('refuses kind, status, verification and id with 400 naming them, and changes nothing', async () => {
      const response = await request(http)
        .patch(`/api/organisations/${alpha.orgId}`)
        .set(bearer(alpha.accessToken))
        .send({ name: '改名', kind: 'government', status: 'verified', verificationStatus: 'verified', id: beta.orgId });
      expect(response.status).toBe(400);
      const fields = (response.body.fields as { field: string }[]).map((problem) => problem.field).sort();
      expect(fields).toEqual(['id', 'kind', 'status', 'verificationStatus']);
      const [row] = await dataSource.query(`SELECT name, kind, verification_status FROM organisation WHERE id = $1`, [
        alpha.orgId,
      ]);
      expect(row).toEqual({ name: '甲公司（重庆）', kind: 'enterprise', verification_status: 'pending' });
    });

    it('refuses to clear the name', async () => {
      const response = await request(http)
        .patch(`/api/organisations/${alpha.orgId}`)
        .set(bearer(alpha.accessToken))
        .send({ name: null });
      expect(response.status).toBe(400);
      expect(response.body.fields[0].field).toBe('name');
    });

    it("answers 404 for another organisation's profile, even for an admin", async () => {
      for (const caller of [alpha, admin]) {
        const response = await request(http)
          .patch(`/api/organisations/${beta.orgId}`)
          .set(bearer(caller.accessToken))
          .send({ name: '被改了' });
        expect(response.status).toBe(404);
      }
      const [row] = await dataSource.query(`SELECT name FROM organisation WHERE id = $1`, [beta.orgId]);
      expect(row.name).toBe('乙大学');
    });
  });

  describe('users', () => {
    it('lists the members of your organisation without secrets', async () => {
      const response = await request(http)
        .get(`/api/organisations/${alpha.orgId}/users`)
        .set(bearer(alpha.accessToken));
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        expect.objectContaining({ id: alpha.userId, email: alpha.email, role: 'enterprise' }),
      ]);
      expect(JSON.stringify(response.body)).not.toMatch(/hash|argon/i);
    });

    it("answers 404 for another organisation's members", async () => {
      const response = await request(http).get(`/api/organisations/${beta.orgId}/users`).set(bearer(alpha.accessToken));
      expect(response.status).toBe(404);
    });
  });
});

describe(AdminOrganisationsController.name, () => {
  describe('list', () => {
    it('lists pending organisations for review, without the verified demo ones', async () => {
      const response = await request(http)
        .get('/api/admin/organisations?status=pending&limit=100')
        .set(bearer(admin.accessToken));
      expect(response.status).toBe(200);
      const ids = (response.body.items as { id: string }[]).map((org) => org.id);
      expect(ids).toEqual(expect.arrayContaining([alpha.orgId, beta.orgId]));
      expect(ids).not.toContain(demo.tto.organisationId);
      expect(response.body.total).toBe(ids.length);
    });

    it('answers 400 for an unknown status or a page size out of range', async () => {
      const response = await request(http)
        .get('/api/admin/organisations?status=approved&limit=0')
        .set(bearer(admin.accessToken));
      expect(response.status).toBe(400);
      const fields = (response.body.fields as { field: string }[]).map((problem) => problem.field).sort();
      expect(fields).toEqual(['limit', 'status']);
    });

    it('answers 403 to every other role', async () => {
      for (const caller of [alpha, beta]) {
        const response = await request(http).get('/api/admin/organisations').set(bearer(caller.accessToken));
        expect(response.status).toBe(403);
        expect(response.body.error).toBe('forbidden');
      }
    });
  });

  describe('verify', () => {
    it('verifies a pending organisation, records who did it, and refuses doing it twice', async () => {
      const response = await request(http)
        .post(`/api/admin/organisations/${beta.orgId}/verify`)
        .set(bearer(admin.accessToken));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ verificationStatus: 'verified', verifiedAt: expect.any(String) });
      const again = await request(http)
        .post(`/api/admin/organisations/${beta.orgId}/verify`)
        .set(bearer(admin.accessToken));
      expect(again.status).toBe(409);
      const [entry] = await dataSource.query(
        `SELECT actor_user_id, actor_org_id, details FROM audit_log WHERE action = 'organisation.verified' AND subject_id = $1`,
        [beta.orgId],
      );
      expect(entry).toEqual({
        actor_user_id: demo.operator.userId,
        actor_org_id: demo.operator.organisationId,
        details: { previous: 'pending', reason: null },
      });
    });

    it('answers 403 to a member verifying their own organisation', async () => {
      const response = await request(http)
        .post(`/api/admin/organisations/${alpha.orgId}/verify`)
        .set(bearer(alpha.accessToken));
      expect(response.status).toBe(403);
    });
  });

  describe('reject', () => {
    it('rejects with the reason, which the members then see', async () => {
      const response = await request(http)
        .post(`/api/admin/organisations/${alpha.orgId}/reject`)
        .set(bearer(admin.accessToken))
        .send({ reason: '营业执照信息与名称不符' });
      expect(response.status).toBe(200);
      // Sessions from before the rejection end at once; a fresh sign-in shows the reason.
      const stale = await request(http).get(`/api/organisations/${alpha.orgId}`).set(bearer(alpha.accessToken));
      expect(stale.status).toBe(401);
      alpha = await signIn(http, alpha.email, alpha.password);
      const seen = await request(http).get(`/api/organisations/${alpha.orgId}`).set(bearer(alpha.accessToken));
      expect(seen.body).toMatchObject({ verificationStatus: 'rejected', verificationReason: '营业执照信息与名称不符' });
    });

    it('requires a reason', async () => {
      const response = await request(http)
        .post(`/api/admin/organisations/${beta.orgId}/reject`)
        .set(bearer(admin.accessToken))
        .send({});
      expect(response.status).toBe(400);
      expect(response.body.fields[0].field).toBe('reason');
    });
  });
});

describe(AuditLog.name, () => {
  describe('record', () => {
    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
      expect(n).toBeGreaterThan(0);
      // A plain client, as a person with psql would connect (and no TypeORM error logging).
      const client = new Client({ connectionString: env.database.url });
      await client.connect();
      try {
        await expect(client.query(`UPDATE audit_log SET action = 'auth.nothing'`)).rejects.toThrow(
          /append-only: UPDATE/,
        );
        await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
        await expect(client.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
      } finally {
        await client.end();
      }
      await expect(dataSource.query(`SELECT count(*)::int AS n FROM audit_log`)).resolves.toEqual([{ n }]);
    });

    it('writes nothing when the transaction it joined rolls back', async () => {
      const audit = app.get(AuditLog);
      await expect(
        dataSource.transaction(async (manager) => {
          await audit.record(manager, { action: 'test.rolled_back', actor: null, subject: { type: 'test', id: null } });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      await expect(dataSource.query(`SELECT 1 FROM audit_log WHERE action = 'test.rolled_back'`)).resolves.toHaveLength(
        0,
      );
    });

    it('never stores values under secret-looking keys', async () => {
      const audit = app.get(AuditLog);
      await audit.record(null, {
        action: 'test.secrets',
        actor: null,
        subject: { type: 'test', id: null },
        details: { password: 'hunter2hunter2', refreshToken: 'abc', note: 'kept' },
      });
      const [row] = await dataSource.query(`SELECT details FROM audit_log WHERE action = 'test.secrets'`);
      expect(row.details).toEqual({ password: '[redacted]', refreshToken: '[redacted]', note: 'kept' });
    });
  });
});

describe(seedIdentity.name, () => {
  it('is idempotent, and its verified demo accounts sign in with the demo password', async () => {
    const count = async () =>
      dataSource.query(
        `SELECT (SELECT count(*) FROM organisation)::int AS orgs, (SELECT count(*) FROM user_account)::int AS users`,
      );
    const before = await count();
    await expect(seedIdentity(dataSource)).resolves.toEqual(demo);
    await expect(count()).resolves.toEqual(before);
    const roles: Record<string, string> = {};
    for (const key of ['operator', 'enterprise', 'tto', 'manager'] as const) {
      const session = await signIn(http, demo[key].email, DEMO_PASSWORD);
      const me = await request(http).get('/api/auth/me').set(bearer(session.accessToken));
      expect(me.body.organisation.verificationStatus).toBe('verified');
      roles[key] = `${me.body.user.role}@${me.body.organisation.kind}`;
    }
    expect(roles).toEqual({
      operator: 'admin@government',
      enterprise: 'enterprise@enterprise',
      tto: 'tto@university',
      manager: 'manager@service_agency',
    });
  });
});
