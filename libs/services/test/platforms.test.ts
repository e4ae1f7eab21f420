import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { as, createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { startApi } from '../../../test/support/apps';
import { registerAccount, type SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';

let env: TestEnvironment;
let app: NestExpressApplication;
let http: ReturnType<NestExpressApplication['getHttpServer']>;
let dataSource: DataSource;
let accounts: Accounts;
/** A verified company that runs a pilot platform; one whose application the operator rejects; a pending university. */
let pilot: SignedIn;
let rejected: SignedIn;
let pending: SignedIn;
let platformId: string;

const get = (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account));
const post = (account: SignedIn, path: string, body: object = {}): request.Test =>
  request(http).post(`/api${path}`).set(as(account)).send(body);
const put = (account: SignedIn, path: string, body: object): request.Test =>
  request(http).put(`/api${path}`).set(as(account)).send(body);

const APPLICATION = { name: '两江新区轻合金中试验证平台', kinds: ['pilot', 'incubator'], regionCode: '500112' };
const SERVICE = {
  title: '轻合金板材中试验证',
  description: '连续轧制中试线验证工艺稳定性与批量一致性',
  fieldCodes: ['light-alloy'],
  trlFrom: 4,
  trlTo: 7,
  facilities: '1200 mm 连续轧制中试线、力学性能实验室',
  priceMin: '200000.00',
  priceMax: '600000.00',
  leadTimeDays: 90,
};

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  http = app.getHttpServer();
  dataSource = app.get(DataSource);
  accounts = await createAccounts(http, dataSource);
  [pilot, rejected, pending] = await Promise.all([
    registerAccount(http, { kind: 'enterprise', name: '重庆两江中试科技有限公司', verifiedBy: accounts.admin }),
    registerAccount(http, { kind: 'enterprise', name: '重庆某孵化器有限公司', verifiedBy: accounts.admin }),
    registerAccount(http, { kind: 'university', name: '待审核大学' }),
  ]);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

describe('PlatformsController', () => {
  it('takes an application that lists nothing until the operator verifies it', async () => {
    const applied = await post(pilot, '/service-platforms', APPLICATION).expect(201);
    platformId = applied.body.id;
    expect(applied.body).toMatchObject({ status: 'pending', kinds: ['pilot', 'incubator'], services: [] });
    const refused = await post(pilot, '/service-platforms/mine/services', SERVICE).expect(403);
    expect(refused.body.message).toContain('pending');
    await get(accounts.enterprise, `/service-platforms/${platformId}`).expect(404);
    expect((await get(accounts.enterprise, '/service-platforms').expect(200)).body.total).toBe(0);
    await post(pilot, '/service-platforms', APPLICATION).expect(409);

    const queue = await get(accounts.admin, '/service-platforms/applications').expect(200);
    expect(queue.body.map((p: { id: string }) => p.id)).toEqual([platformId]);
    const verified = await post(accounts.admin, `/service-platforms/${platformId}/verify`).expect(200);
    expect(verified.body.status).toBe('verified');

    const listed = await post(pilot, '/service-platforms/mine/services', SERVICE).expect(201);
    expect(listed.body).toMatchObject({ ...SERVICE, regionCode: '500112', active: true });
    const page = await get(accounts.tto, '/service-platforms?fieldCode=light-alloy&trl=4').expect(200);
    expect(page.body.items).toEqual([
      expect.objectContaining({
        id: platformId,
        name: APPLICATION.name,
        organisation: { id: pilot.orgId, name: '重庆两江中试科技有限公司' },
        services: [expect.objectContaining({ id: listed.body.id, trlFrom: 4, trlTo: 7 })],
      }),
    ]);
    expect((await get(accounts.tto, '/service-platforms?trl=8').expect(200)).body.total).toBe(0);
    expect((await get(accounts.tto, '/service-platforms?fieldCode=biomedicine').expect(200)).body.total).toBe(0);

    const audit: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_log WHERE subject_id IN ($1, $2) ORDER BY occurred_at, id`,
      [platformId, listed.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'service_platform.applied',
      'service_platform.verified',
      'platform_service.listed',
    ]);
  });

  it('withdraws a service, which leaves the listing but stays in its own view', async () => {
    const extra = await post(pilot, '/service-platforms/mine/services', { ...SERVICE, title: '小批量试制' }).expect(
      201,
    );
    await put(pilot, `/service-platforms/mine/services/${extra.body.id}`, {
      ...SERVICE,
      title: '小批量试制',
      active: false,
    }).expect(200);
    const shown = await get(accounts.enterprise, `/service-platforms/${platformId}`).expect(200);
    expect(shown.body.services.map((s: { title: string }) => s.title)).toEqual([SERVICE.title]);
    const own = await get(pilot, '/service-platforms/mine').expect(200);
    expect(own.body.services.map((s: { title: string }) => s.title).sort()).toEqual(
      [SERVICE.title, '小批量试制'].sort(),
    );
  });

  it('refuses bad services with a 4xx naming the field, and writes nothing', async () => {
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM platform_service`);
    const cases: [object, number, string][] = [
      [{ ...SERVICE, trlTo: 3 }, 422, 'trlTo'],
      [{ ...SERVICE, trlFrom: 0 }, 400, 'trlFrom'],
      [{ ...SERVICE, trlTo: 10 }, 400, 'trlTo'],
      [{ ...SERVICE, priceMax: '100.00' }, 422, 'priceMax'],
      [{ ...SERVICE, priceMin: 200000 }, 400, 'priceMin'],
      [{ ...SERVICE, fieldCodes: ['no-such-field'] }, 422, 'fieldCodes'],
      [{ ...SERVICE, leadTimeDays: 0 }, 400, 'leadTimeDays'],
      [{ ...SERVICE, owner: 'x' }, 400, 'owner'],
    ];
    for (const [body, status, field] of cases) {
      const response = await post(pilot, '/service-platforms/mine/services', body).expect(status);
      const named = [response.body.field, ...(response.body.fields ?? []).map((f: { field: string }) => f.field)];
      expect(named).toContain(field);
    }
    await post(pilot, '/service-platforms', { ...APPLICATION, kinds: ['lab'] }).expect(400);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM platform_service`)).toEqual(before);
  });

  it('keeps each platform to its own organisation, the operator to its role, and a pending organisation out', async () => {
    const [service] = (await get(pilot, '/service-platforms/mine').expect(200)).body.services;
    // Another organisation's members cannot change the service (it is not theirs: 404) …
    await post(accounts.enterprise, '/service-platforms', { ...APPLICATION, name: '企业自己的孵化器' }).expect(201);
    await put(accounts.enterprise, `/service-platforms/mine/services/${service.id}`, SERVICE).expect(403);
    await post(
      accounts.admin,
      `/service-platforms/${(await get(accounts.enterprise, '/service-platforms/mine')).body.id}/verify`,
    ).expect(200);
    await put(accounts.enterprise, `/service-platforms/mine/services/${service.id}`, SERVICE).expect(404);
    // … only the operator verifies, a manager cannot apply, and a pending organisation may not apply.
    await post(pilot, `/service-platforms/${platformId}/verify`).expect(403);
    await post(accounts.manager, `/service-platforms/${platformId}/reject`, { reason: '资质不符' }).expect(403);
    await post(accounts.manager, '/service-platforms', APPLICATION).expect(403);
    await post(pending, '/service-platforms', APPLICATION).expect(403);
  });

  it('lets a rejected platform neither list nor be listed', async () => {
    const applied = await post(rejected, '/service-platforms', {
      ...APPLICATION,
      name: '某孵化器',
      kinds: ['incubator'],
    }).expect(201);
    const decided = await post(accounts.admin, `/service-platforms/${applied.body.id}/reject`, {
      reason: '缺少场地证明',
    }).expect(200);
    expect(decided.body).toMatchObject({ status: 'rejected', statusReason: '缺少场地证明' });
    await post(rejected, '/service-platforms/mine/services', SERVICE).expect(403);
    await get(accounts.tto, `/service-platforms/${applied.body.id}`).expect(404);
    await post(accounts.admin, `/service-platforms/${applied.body.id}/reject`, {}).expect(400);
  });
});
