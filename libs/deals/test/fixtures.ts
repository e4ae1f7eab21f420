import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ACHIEVEMENT, as, type Accounts } from '../../catalog/test/fixtures';
import type { DataSource } from 'typeorm';
import type { HttpTarget, SignedIn } from '../../../test/support/auth';

export interface DealSetup {
  dealId: string;
  researcherIds: string[];
}

export const api = (http: HttpTarget) => ({
  get: (account: SignedIn, path: string): request.Test => request(http).get(`/api${path}`).set(as(account)),
  post: (account: SignedIn, path: string, body: object = {}, key?: string): request.Test => {
    const req = request(http).post(`/api${path}`).set(as(account));
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  },
  put: (account: SignedIn, path: string, body: object): request.Test =>
    request(http).put(`/api${path}`).set(as(account)).send(body),
});

/** A fresh idempotency key. */
export function key(): string {
  return `test-${randomUUID()}`;
}

/** Two researchers of the TTO, created through the api. */
export async function researchers(http: HttpTarget, tto: SignedIn): Promise<string[]> {
  const ids: string[] = [];
  for (const name of ['张伟', '刘洋']) {
    const created = await api(http)
      .post(tto, '/researchers', { name, title: '教授', institutionName: '重庆大学', researchAreas: ['镁合金'] })
      .expect(201);
    ids.push((created.body as { id: string }).id);
  }
  return ids;
}

/** A draft achievement of the TTO (a TTO may open a deal for any of its own achievements). */
export async function achievement(http: HttpTarget, tto: SignedIn): Promise<string> {
  const created = await api(http)
    .post(tto, '/achievements', { ...ACHIEVEMENT, externalRef: `DEAL-${randomUUID().slice(0, 8)}` })
    .expect(201);
  return (created.body as { id: string }).id;
}

/** Today in China, as the platform dates things. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Sets the free period's end of the accepted use-first-pay-later terms: to let time pass after
 * signing (the platform refuses to sign terms whose free period is already over).
 */
export async function freePeriodEnded(dataSource: DataSource, dealId: string, freeUntil: string): Promise<void> {
  await dataSource.query(
    `UPDATE term_sheet SET terms = jsonb_set(terms, '{ufpl,freeUntil}', to_jsonb($2::text))
      WHERE deal_id = $1 AND status = 'accepted'`,
    [dealId, freeUntil],
  );
}

/**
 * A deal the TTO opened directly with the company, taken through offer, acceptance by both
 * and signature, with the research team's shares recorded. Use-first-pay-later terms whose free
 * period is already over are signed while it still runs (today) and then aged with freePeriodEnded,
 * which needs `dataSource`: signed as if on their last free day, then aged.
 */
export async function signedDeal(
  http: HttpTarget,
  accounts: Accounts,
  type: string,
  terms: object = { summary: '技术许可条款', price: '100000.00' },
  company: SignedIn = accounts.enterprise,
  dataSource?: DataSource,
): Promise<DealSetup> {
  const ufpl = (terms as { ufpl?: { freeUntil?: string } }).ufpl;
  const endedFreePeriod = ufpl?.freeUntil !== undefined && ufpl.freeUntil < chinaToday() ? ufpl.freeUntil : null;
  if (endedFreePeriod && !dataSource) throw new Error('signedDeal: a free period already over needs the dataSource');

  const call = api(http);
  const achievementId = await achievement(http, accounts.tto);
  const researcherIds = await researchers(http, accounts.tto);
  const opened = await call
    .post(accounts.tto, '/deals', {
      type,
      title: '高强韧镁合金板材连续轧制技术',
      achievementId,
      companyOrgId: company.orgId,
      ...(type === 'licence' || type === 'use_first_pay_later' ? { licenceScope: 'non_exclusive' } : {}),
    })
    .expect(201);
  const dealId = (opened.body as { id: string }).id;
  const sheet = await call.post(company, `/deals/${dealId}/term-sheets`, terms).expect(201);
  const sheetId = (sheet.body as { id: string }).id;
  await call.post(company, `/deals/${dealId}/term-sheets/${sheetId}/accept`).expect(200);
  await call.post(accounts.tto, `/deals/${dealId}/term-sheets/${sheetId}/accept`).expect(200);
  if (endedFreePeriod) await freePeriodEnded(dataSource!, dealId, chinaToday());
  await call.post(accounts.tto, `/deals/${dealId}/transitions`, { action: 'sign' }).expect(200);
  if (endedFreePeriod) await freePeriodEnded(dataSource!, dealId, endedFreePeriod);
  await call
    .put(accounts.tto, `/deals/${dealId}/distribution`, {
      recoverableCosts: '10000.00',
      contributions: [
        { researcherId: researcherIds[0], sharePercent: '60' },
        { researcherId: researcherIds[1], sharePercent: '40' },
      ],
    })
    .expect(200);
  return { dealId, researcherIds };
}
