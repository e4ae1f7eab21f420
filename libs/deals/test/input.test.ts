import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addDays, chinaDate } from '../src/domain/dates';
import { as, createAccounts, type Accounts } from '../../catalog/test/fixtures';
import { startApi } from '../../../test/support/apps';
import type { SignedIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { achievement, api, key, signedDeal } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let dataSource: DataSource;
let accounts: Accounts;
let call: ReturnType<typeof api>;
/** A use-first-pay-later licence in payment (one entry fee due), an equity deal signed, a deal negotiating. */
let licenceId: string;
let equityId: string;
let openId: string;
let instalmentId: string;
let researcherId: string;

const today = chinaDate(new Date());
const day = (offset: number): string => addDays(today, offset);

const UFPL = {
  freeUntil: day(-60),
  triggerKind: 'first_revenue',
  paymentMode: 'entry_fee_royalty',
  entryFee: '50000.00',
  royaltyPercent: '3',
  dueDays: 30,
  graceDays: 30,
};

/** Everything a deal endpoint could write, counted and summed. */
async function snapshot(): Promise<unknown> {
  const [row]: unknown[] = await dataSource.query(`
    SELECT (SELECT json_agg(json_build_array(id, status, manager_user_id, recoverable_costs) ORDER BY id) FROM deal) AS deals,
           (SELECT count(*) FROM term_sheet) AS sheets,
           (SELECT json_agg(status ORDER BY id) FROM term_sheet) AS sheet_statuses,
           (SELECT count(*) FROM deal_message) AS messages,
           (SELECT count(*) FROM deal_attachment) AS attachments,
           (SELECT json_agg(json_build_array(researcher_id, share_percent) ORDER BY id) FROM deal_contribution) AS shares,
           (SELECT count(*) FROM revenue_report) AS reports,
           (SELECT json_agg(json_build_array(id, paid_on) ORDER BY id) FROM instalment) AS instalments,
           (SELECT count(*) FROM income_event) AS income,
           (SELECT count(*) FROM ledger_entry) AS ledger,
           (SELECT count(*) FROM deal_valuation) AS valuations,
           (SELECT count(*) FROM deal_equity) AS equity,
           (SELECT count(*) FROM rights_grant) AS grants,
           (SELECT count(*) FROM income_policy) AS policies,
           (SELECT count(*) FROM idempotency_record) AS keys,
           (SELECT count(*) FROM deal_reminder) AS reminders,
           (SELECT count(*) FROM audit_log) AS audit`);
  return row;
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  dataSource = app.get(DataSource);
  call = api(app.getHttpServer());
  accounts = await createAccounts(app.getHttpServer(), dataSource);
  const licence = await signedDeal(
    app.getHttpServer(),
    accounts,
    'use_first_pay_later',
    { summary: '先用后付', ufpl: UFPL },
    accounts.enterprise,
    dataSource,
  );
  licenceId = licence.dealId;
  researcherId = licence.researcherIds[0];
  await call.post(accounts.tto, `/deals/${licenceId}/transitions`, { action: 'start' }).expect(200);
  await call
    .post(
      accounts.enterprise,
      `/deals/${licenceId}/revenue-reports`,
      { periodStart: day(-50), periodEnd: day(-40), revenue: '100.00' },
      key(),
    )
    .expect(201);
  const { body } = await call.get(accounts.tto, `/deals/${licenceId}/licence`).expect(200);
  instalmentId = body.instalments[0].id;
  equityId = (await signedDeal(app.getHttpServer(), accounts, 'rights_for_equity', { summary: '作价入股' })).dealId;
  const opened = await call
    .post(accounts.tto, '/deals', {
      type: 'use_first_pay_later',
      title: '谈判中的许可',
      achievementId: await achievement(app.getHttpServer(), accounts.tto),
      companyOrgId: accounts.enterprise.orgId,
      licenceScope: 'exclusive',
    })
    .expect(201);
  openId = opened.body.id;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await env?.teardown();
});

type Method = 'get' | 'post' | 'put';
interface Case {
  label: string;
  who: () => SignedIn;
  method: Method;
  path: () => string;
  body?: () => object;
  /** false: send no Idempotency-Key on an endpoint that needs one. */
  key?: boolean;
  status: number;
  /** The field the answer must name (for 400 and 422). */
  field?: string;
}

const deal = (): string => `/deals/${licenceId}`;
const MONEY = ['/payments', '/revenue-reports', '/income'];

const CASES: Case[] = [
  // Opening a deal.
  {
    label: 'an unknown deal type',
    who: () => accounts.tto,
    method: 'post',
    path: () => '/deals',
    body: () => ({
      type: 'sale',
      title: '某交易',
      achievementId: instalmentId,
      companyOrgId: accounts.enterprise.orgId,
    }),
    status: 400,
    field: 'type',
  },
  {
    label: "another TTO's achievement",
    who: () => accounts.otherTto,
    method: 'post',
    path: () => '/deals',
    body: () => ({
      type: 'transfer',
      title: '某交易',
      achievementId: instalmentId,
      companyOrgId: accounts.enterprise.orgId,
    }),
    status: 404,
    field: 'achievementId',
  },
  {
    label: 'a company opening without a connection',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => '/deals',
    body: () => ({
      type: 'transfer',
      title: '某交易',
      achievementId: instalmentId,
      companyOrgId: accounts.enterprise.orgId,
    }),
    status: 422,
    field: 'connectionId',
  },
  {
    label: "another organisation's connection",
    who: () => accounts.tto,
    method: 'post',
    path: () => '/deals',
    body: () => ({ type: 'transfer', title: '某交易', connectionId: licenceId }),
    status: 404,
    field: 'connectionId',
  },
  // Manager and transitions.
  {
    label: 'a manager who is not one',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/manager`,
    body: () => ({ userId: accounts.enterprise.userId }),
    status: 422,
    field: 'userId',
  },
  {
    label: "assigning a manager to another organisation's deal",
    who: () => accounts.otherTto,
    method: 'post',
    path: () => `${deal()}/manager`,
    body: () => ({ userId: accounts.manager.userId }),
    status: 404,
  },
  {
    label: 'a transition out of order (sign while paying)',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/transitions`,
    body: () => ({ action: 'sign' }),
    status: 409,
    field: 'status',
  },
  {
    label: 'opting out after the trigger',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/transitions`,
    body: () => ({ action: 'opt_out' }),
    status: 409,
    field: 'status',
  },
  {
    label: 'a step the platform alone takes',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/transitions`,
    body: () => ({ action: 'trigger' }),
    status: 422,
    field: 'action',
  },
  {
    label: 'a step of another deal type',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/transitions`,
    body: () => ({ action: 'exit' }),
    status: 422,
    field: 'action',
  },
  {
    label: 'an unknown step',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/transitions`,
    body: () => ({ action: 'finish' }),
    status: 400,
    field: 'action',
  },
  {
    label: 'cancelling a signed deal',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `/deals/${equityId}/transitions`,
    body: () => ({ action: 'cancel' }),
    status: 409,
    field: 'status',
  },
  {
    label: "a transition on another organisation's deal",
    who: () => accounts.otherEnterprise,
    method: 'post',
    path: () => `${deal()}/transitions`,
    body: () => ({ action: 'cancel' }),
    status: 404,
  },
  // Distribution.
  {
    label: 'a share over 100%',
    who: () => accounts.tto,
    method: 'put',
    path: () => `${deal()}/distribution`,
    body: () => ({ recoverableCosts: '0', contributions: [{ researcherId, sharePercent: '100.01' }] }),
    status: 400,
    field: 'contributions[0].sharePercent',
  },
  {
    label: 'shares adding up to 110%',
    who: () => accounts.tto,
    method: 'put',
    path: () => `${deal()}/distribution`,
    body: () => ({
      recoverableCosts: '0',
      contributions: [
        { researcherId, sharePercent: '60' },
        { researcherId: licenceId, sharePercent: '50' },
      ],
    }),
    status: 422,
    field: 'contributions',
  },
  {
    label: 'negative recoverable costs',
    who: () => accounts.tto,
    method: 'put',
    path: () => `${deal()}/distribution`,
    body: () => ({ recoverableCosts: '-1.00', contributions: [{ researcherId, sharePercent: '100' }] }),
    status: 400,
    field: 'recoverableCosts',
  },
  {
    label: 'a researcher of another institution',
    who: () => accounts.tto,
    method: 'put',
    path: () => `${deal()}/distribution`,
    body: () => ({ recoverableCosts: '0', contributions: [{ researcherId: licenceId, sharePercent: '100' }] }),
    status: 422,
    field: 'contributions',
  },
  {
    label: "another organisation's distribution",
    who: () => accounts.otherTto,
    method: 'put',
    path: () => `${deal()}/distribution`,
    body: () => ({ recoverableCosts: '0', contributions: [{ researcherId, sharePercent: '100' }] }),
    status: 404,
  },
  // Term sheets and messages.
  {
    label: 'terms offered after agreement',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/term-sheets`,
    body: () => ({ summary: '新条款', ufpl: UFPL }),
    status: 409,
    field: 'status',
  },
  {
    label: 'licence terms missing',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `/deals/${openId}/term-sheets`,
    body: () => ({ summary: '新条款' }),
    status: 400,
    field: 'ufpl',
  },
  {
    label: 'an over-precise entry fee',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `/deals/${openId}/term-sheets`,
    body: () => ({ summary: '新条款', ufpl: { ...UFPL, entryFee: '50000.001' } }),
    status: 400,
    field: 'ufpl.entryFee',
  },
  {
    label: 'a royalty over 100%',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `/deals/${openId}/term-sheets`,
    body: () => ({ summary: '新条款', ufpl: { ...UFPL, royaltyPercent: '120' } }),
    status: 400,
    field: 'ufpl.royaltyPercent',
  },
  {
    label: 'a fee that does not fit the payment mode',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `/deals/${openId}/term-sheets`,
    body: () => ({ summary: '新条款', ufpl: { ...UFPL, fee: '10.00' } }),
    status: 400,
    field: 'ufpl.fee',
  },
  {
    label: "terms on another organisation's deal",
    who: () => accounts.otherEnterprise,
    method: 'post',
    path: () => `/deals/${openId}/term-sheets`,
    body: () => ({ summary: '新条款', ufpl: UFPL }),
    status: 404,
  },
  {
    label: "accepting another organisation's terms",
    who: () => accounts.otherTto,
    method: 'post',
    path: () => `/deals/${openId}/term-sheets/${instalmentId}/accept`,
    status: 404,
  },
  {
    label: 'a term sheet id that is not a UUID',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${openId}/term-sheets/x/accept`,
    status: 400,
    field: 'sheetId',
  },
  {
    label: 'a blank message',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/messages`,
    body: () => ({ body: '   ' }),
    status: 400,
    field: 'body',
  },
  {
    label: "a message in another organisation's deal",
    who: () => accounts.otherTto,
    method: 'post',
    path: () => `${deal()}/messages`,
    body: () => ({ body: '你好' }),
    status: 404,
  },
  // Revenue reports.
  {
    label: 'negative revenue',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-30), periodEnd: day(-20), revenue: '-5.00' }),
    status: 400,
    field: 'revenue',
  },
  {
    label: 'over-precise revenue',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-30), periodEnd: day(-20), revenue: '5.001' }),
    status: 400,
    field: 'revenue',
  },
  {
    label: 'revenue as a number',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-30), periodEnd: day(-20), revenue: 5 }),
    status: 400,
    field: 'revenue',
  },
  {
    label: 'a period ending before it starts',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-20), periodEnd: day(-30), revenue: '5.00' }),
    status: 400,
    field: 'periodEnd',
  },
  {
    label: 'a period in the future',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-5), periodEnd: day(5), revenue: '5.00' }),
    status: 400,
    field: 'periodEnd',
  },
  {
    label: 'a period already reported',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-45), periodEnd: day(-20), revenue: '5.00' }),
    status: 409,
    field: 'periodStart',
  },
  {
    label: 'a report without an Idempotency-Key',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-30), periodEnd: day(-20), revenue: '5.00' }),
    key: false,
    status: 400,
    field: 'Idempotency-Key',
  },
  {
    label: "a report on another organisation's deal",
    who: () => accounts.otherEnterprise,
    method: 'post',
    path: () => `${deal()}/revenue-reports`,
    body: () => ({ periodStart: day(-30), periodEnd: day(-20), revenue: '5.00' }),
    status: 404,
  },
  // Payments.
  {
    label: 'a payment of the wrong amount',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId, amount: '49999.99', paidOn: today }),
    status: 422,
    field: 'amount',
  },
  {
    label: 'an over-precise payment',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId, amount: '50000.001', paidOn: today }),
    status: 400,
    field: 'amount',
  },
  {
    label: 'a negative payment',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId, amount: '-50000.00', paidOn: today }),
    status: 400,
    field: 'amount',
  },
  {
    label: 'a payment dated in the future',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId, amount: '50000.00', paidOn: day(3) }),
    status: 400,
    field: 'paidOn',
  },
  {
    label: 'a payment on an impossible date',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId, amount: '50000.00', paidOn: '2026-02-30' }),
    status: 400,
    field: 'paidOn',
  },
  {
    label: 'a payment for no instalment of the deal',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId: licenceId, amount: '50000.00', paidOn: today }),
    status: 404,
    field: 'instalmentId',
  },
  {
    label: 'a payment recorded by the licensee',
    who: () => accounts.enterprise,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId, amount: '50000.00', paidOn: today }),
    status: 403,
  },
  {
    label: "a payment on another organisation's deal",
    who: () => accounts.otherTto,
    method: 'post',
    path: () => `${deal()}/payments`,
    body: () => ({ instalmentId, amount: '50000.00', paidOn: today }),
    status: 404,
  },
  // Income, equity and grants.
  {
    label: 'negative income',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/income`,
    body: () => ({ kind: 'dividend', amount: '-1', occurredOn: today }),
    status: 400,
    field: 'amount',
  },
  {
    label: 'a dividend before equity is held',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/income`,
    body: () => ({ kind: 'dividend', amount: '1.00', occurredOn: today }),
    status: 409,
    field: 'status',
  },
  {
    label: 'a dividend on a licence',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/income`,
    body: () => ({ kind: 'dividend', amount: '1.00', occurredOn: today }),
    status: 422,
    field: 'kind',
  },
  {
    label: "income on another organisation's deal",
    who: () => accounts.otherTto,
    method: 'post',
    path: () => `/deals/${equityId}/income`,
    body: () => ({ kind: 'fee', amount: '1.00', occurredOn: today }),
    status: 404,
  },
  {
    label: 'equity before a valuation',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/equity`,
    body: () => ({
      companyName: '某公司',
      equityPercent: '20',
      institutionPercent: '30',
      teamPercent: '70',
      takenOn: today,
    }),
    status: 409,
    field: 'status',
  },
  {
    label: 'an equity split not adding up to 100%',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/equity`,
    body: () => ({
      companyName: '某公司',
      equityPercent: '20',
      institutionPercent: '40',
      teamPercent: '70',
      takenOn: today,
    }),
    status: 422,
    field: 'teamPercent',
  },
  {
    label: 'equity over 100%',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/equity`,
    body: () => ({
      companyName: '某公司',
      equityPercent: '100.5',
      institutionPercent: '30',
      teamPercent: '70',
      takenOn: today,
    }),
    status: 400,
    field: 'equityPercent',
  },
  {
    label: 'a negative valuation',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/valuation`,
    body: () => ({ value: '-1', method: '收益法', appraiser: '某评估公司', valuedOn: today }),
    status: 400,
    field: 'value',
  },
  {
    label: 'a valuation of a licence',
    who: () => accounts.tto,
    method: 'post',
    path: () => `${deal()}/valuation`,
    body: () => ({ value: '1.00', method: '收益法', appraiser: '某评估公司', valuedOn: today }),
    status: 422,
    field: 'dealId',
  },
  {
    label: "a valuation of another organisation's deal",
    who: () => accounts.otherTto,
    method: 'post',
    path: () => `/deals/${equityId}/valuation`,
    body: () => ({ value: '1.00', method: '收益法', appraiser: '某评估公司', valuedOn: today }),
    status: 404,
  },
  {
    label: 'a use right shorter than ten years',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/rights-grants`,
    body: () => ({ kind: 'use_right', termYears: 5, researcherIds: [researcherId], grantedOn: today }),
    status: 400,
    field: 'termYears',
  },
  {
    label: 'a rights grant under an equity deal',
    who: () => accounts.tto,
    method: 'post',
    path: () => `/deals/${equityId}/rights-grants`,
    body: () => ({ kind: 'use_right', termYears: 10, researcherIds: [researcherId], grantedOn: today }),
    status: 422,
    field: 'dealId',
  },
  {
    label: 'a contract before the terms are agreed',
    who: () => accounts.tto,
    method: 'get',
    path: () => `/deals/${openId}/contract`,
    status: 409,
    field: 'status',
  },
  // Policy, statements, attachments.
  {
    label: 'a policy over 100%',
    who: () => accounts.tto,
    method: 'put',
    path: () => '/income/policy',
    body: () => ({ teamFloorPercent: '85', institutionCapPercent: '20' }),
    status: 422,
    field: 'institutionCapPercent',
  },
  {
    label: 'a floor over 100%',
    who: () => accounts.tto,
    method: 'put',
    path: () => '/income/policy',
    body: () => ({ teamFloorPercent: '101', institutionCapPercent: '0' }),
    status: 400,
    field: 'teamFloorPercent',
  },
  {
    label: "another institution's researcher's statement",
    who: () => accounts.otherTto,
    method: 'get',
    path: () => `/income/statements/${researcherId}`,
    status: 404,
  },
];

const READS = ['', '/term-sheets', '/messages', '/attachments', '/licence', '/equity', '/income', '/contract'];

describe('deal endpoints refuse bad input', () => {
  it.each(CASES.map((c) => [c.label, c] as const))(
    'refuses %s, naming the field, and changes nothing',
    async (_label, c) => {
      const before = await snapshot();
      let req = request(app.getHttpServer())[c.method](`/api${c.path()}`).set(as(c.who()));
      if (c.method !== 'get' && MONEY.some((suffix) => c.path().endsWith(suffix)) && c.key !== false) {
        req = req.set('Idempotency-Key', key());
      }
      const response = await (c.body ? req.send(c.body()) : req);
      expect(response.status).toBe(c.status);
      if (c.field) {
        const named: string[] = [
          response.body.field,
          ...(response.body.fields ?? []).map((f: { field: string }) => f.field),
        ];
        expect(named).toContain(c.field);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(READS)('answers 404 to another organisation reading /deals/{id}%s', async (suffix) => {
    // The income ledger is not for companies at all (403 by role); the other reads are 404 to both.
    const outsiders = suffix === '/income' ? [accounts.otherTto] : [accounts.otherEnterprise, accounts.otherTto];
    for (const outsider of outsiders) {
      await call.get(outsider, `${deal()}${suffix}`).expect(404);
    }
  });

  it('refuses an attachment whose content is not an accepted type, and one of another organisation', async () => {
    const before = await snapshot();
    const fake = await request(app.getHttpServer())
      .post(`/api${deal()}/attachments`)
      .set(as(accounts.tto))
      .attach('file', Buffer.from('MZ\x90\x00 not a pdf'), 'contract.pdf')
      .expect(422);
    expect(fake.body.field).toBe('file');
    await request(app.getHttpServer())
      .post(`/api${deal()}/attachments`)
      .set(as(accounts.otherTto))
      .attach('file', Buffer.from('%PDF-1.7\n'), 'contract.pdf')
      .expect(404);
    expect(await snapshot()).toEqual(before);
    const pdf = await request(app.getHttpServer())
      .post(`/api${deal()}/attachments`)
      .set(as(accounts.enterprise))
      .attach('file', Buffer.from('%PDF-1.7\n%%EOF\n'), '许可合同.pdf')
      .expect(201);
    expect(pdf.body).toMatchObject({ fileName: '许可合同.pdf', contentType: 'application/pdf', size: 15 });
    const file = await call.get(accounts.tto, `${deal()}/attachments/${pdf.body.id}`).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('lets the licensee return the licence at no charge before the trigger, and not after', async () => {
    const free = await signedDeal(app.getHttpServer(), accounts, 'use_first_pay_later', {
      summary: '先用后付',
      ufpl: { ...UFPL, freeUntil: day(30) },
    });
    await call.post(accounts.tto, `/deals/${free.dealId}/transitions`, { action: 'start' }).expect(200);
    await call.post(accounts.tto, `/deals/${free.dealId}/transitions`, { action: 'opt_out' }).expect(403);
    const returned = await call
      .post(accounts.enterprise, `/deals/${free.dealId}/transitions`, { action: 'opt_out' })
      .expect(200);
    expect(returned.body.status).toBe('returned');
    const [{ owed }]: { owed: number }[] = await dataSource.query(
      `SELECT count(*)::int AS owed FROM instalment WHERE deal_id = $1`,
      [free.dealId],
    );
    expect(owed).toBe(0);
  });
});
