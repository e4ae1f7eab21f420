import { dealServices, type DealServices } from '@kuaizhuan/deals';
import type { Caller, DemoAccounts } from '@kuaizhuan/identity';
import type { DataSource } from 'typeorm';
import { calendarOf, type Calendar } from './calendar';
import { DEMO_POLICIES, demoDeals } from './demo-deals';
import { castOf, managerOf, pickAchievement, type Cast } from './parties';
import { Story, type DemoDeal, type Posted } from './story';

/** What one run added (zero everywhere when the demo deals were already there). */
export interface SeededDeals {
  deals: number;
  /** Staff accounts of demo organisations that had none (see parties.ts). */
  staffAccounts: number;
  /** Income distribution policies set for institutions that had none. */
  policies: number;
}

/**
 * Loads the demo deals (demo-deals.ts) on top of the demo catalogue, through the deal services
 * of the api (DealsService, RoomService, LicencesService, IncomeService, EquityService), acting
 * as a person of the party that takes each step: term sheets offered and accepted, signatures,
 * licences started, revenue reports that reach payment triggers and write the instalments and
 * their reminders, payments and income split into ledger entries by each institution's policy,
 * valuations, equity and rights grants. Every transition is the state machine's, audited.
 *
 * The services stamp what they write with the moment it is written, but these deals tell a
 * story of the last months: afterwards, the day each room was opened, its term sheets offered
 * and accepted, its messages posted and the day it was signed are set to the story's days
 * (backdate below). Dates the parties give (revenue periods, payment and income days, valuation,
 * equity and grant days) go through the services as they are. The audit log keeps the real
 * moments. Reminders whose time has passed (an overdue instalment) are left to the worker, which
 * acts on them as soon as it runs: `npm run demo` starts it right after the seed.
 *
 * Idempotent: a deal whose title its institution already has is left as it is; a deal whose
 * story fails half-way is removed again, so that the next run tells it whole. Runs under the
 * demo seed's advisory lock, so two loaders never race. `stories` gives the deals to tell on a
 * calendar: the demo's by default.
 */
export async function seedDeals(
  dataSource: DataSource,
  accounts: DemoAccounts,
  stories: (cal: Calendar) => DemoDeal[] = demoDeals,
): Promise<SeededDeals> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('kuaizhuan:demo-seed'))`);
    const cal = calendarOf(new Date());
    return await seedUnderLock(dataSource, accounts, stories(cal), cal);
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('kuaizhuan:demo-seed'))`).catch(() => undefined);
    await lock.release();
  }
}

async function seedUnderLock(
  dataSource: DataSource,
  accounts: DemoAccounts,
  deals: readonly DemoDeal[],
  cal: Calendar,
): Promise<SeededDeals> {
  const { callers, created: staffAccounts } = await castOf(
    dataSource,
    accounts,
    deals.flatMap((d) => [d.institution, d.company]),
  );
  const services = dealServices(dataSource);
  const policies = await setPolicies(dataSource, services, callers);
  const used = new Set<string>();
  let added = 0;
  for (const deal of deals) {
    const cast: Cast = {
      institution: callers.get(deal.institution)!,
      company: callers.get(deal.company)!,
      manager: managerOf(accounts),
    };
    const achievement = await pickAchievement(dataSource, cast.institution.orgId, deal.achievement, used);
    used.add(achievement.id);
    const title = `${achievement.title}${deal.titleSuffix}`;
    const existing: unknown[] = await dataSource.query(
      `SELECT 1 FROM deal WHERE institution_org_id = $1 AND title = $2`,
      [cast.institution.orgId, title],
    );
    if (existing.length > 0) continue;
    const story = await Story.open(services, cast, deal, achievement, title);
    try {
      await story.tell(deal.steps);
      await backdate(dataSource, story.dealId, deal, story.posted, cal);
    } catch (error) {
      await discard(dataSource, story.dealId).catch((cleanup: unknown) => {
        throw new AggregateError([error, cleanup], `demo deal ${title} failed and could not be removed`);
      });
      throw error;
    }
    added += 1;
  }
  return { deals: added, staffAccounts, policies };
}

/** The demo institutions' own policies, set by their TTO as through the api, where none is set yet. */
async function setPolicies(
  dataSource: DataSource,
  services: DealServices,
  callers: ReadonlyMap<string, Caller>,
): Promise<number> {
  let set = 0;
  for (const { institution, ...policy } of DEMO_POLICIES) {
    const caller = callers.get(institution);
    if (!caller) continue;
    const found: unknown[] = await dataSource.query(`SELECT 1 FROM income_policy WHERE org_id = $1`, [caller.orgId]);
    if (found.length > 0) continue;
    await services.income.setPolicy(caller, policy);
    set += 1;
  }
  return set;
}

/**
 * Puts the deal's platform-stamped moments on the story's days (China time): opened on
 * `openedOn`; term sheet version v offered 7v − 4 days later (no later than two days before
 * signing, or today); accepted by the company and the institution the day before signing;
 * messages on their days; signed on `signedOn` (the sign step stamps today).
 */
async function backdate(
  dataSource: DataSource,
  dealId: string,
  deal: DemoDeal,
  posted: Posted,
  cal: Calendar,
): Promise<void> {
  const lastOffer = deal.signedOn ? cal.days(deal.signedOn, -2) : cal.today;
  const acceptedOn = deal.signedOn ? cal.days(deal.signedOn, -1) : cal.today;
  await dataSource.transaction(async (manager) => {
    const at = (day: string, time: string): string => `(${day}::date + time '${time}') AT TIME ZONE 'Asia/Shanghai'`;
    await manager.query(`UPDATE deal SET created_at = ${at('$2', '09:00')}, signed_on = $3 WHERE id = $1`, [
      dealId,
      deal.openedOn,
      deal.signedOn,
    ]);
    await manager.query(
      `UPDATE term_sheet
          SET created_at = ${at('least($2::date + (7 * version - 4), $3::date)', '10:00')},
              company_accepted_at = CASE WHEN company_accepted_at IS NULL THEN NULL ELSE ${at('$4', '10:30')} END,
              institution_accepted_at = CASE WHEN institution_accepted_at IS NULL THEN NULL ELSE ${at('$4', '15:00')} END
        WHERE deal_id = $1`,
      [dealId, deal.openedOn, lastOffer, acceptedOn],
    );
    await manager.query(
      `UPDATE deal_message m SET created_at = ${at('p.day', '14:00')}
         FROM unnest($1::uuid[], $2::date[]) AS p(id, day) WHERE m.id = p.id`,
      [posted.map((p) => p.id), posted.map((p) => p.on)],
    );
  });
}

/** Removes a deal whose story failed half-way, with its income and ledger (kept from deletion by RESTRICT). */
async function discard(dataSource: DataSource, dealId: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `DELETE FROM ledger_entry WHERE income_event_id IN (SELECT id FROM income_event WHERE deal_id = $1)`,
      [dealId],
    );
    await manager.query(`DELETE FROM income_event WHERE deal_id = $1`, [dealId]);
    await manager.query(`DELETE FROM idempotency_record WHERE key LIKE $1`, [`demo-seed:${dealId}:%`]);
    await manager.query(`DELETE FROM deal WHERE id = $1`, [dealId]);
  });
}
