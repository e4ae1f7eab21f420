import Decimal from 'decimal.js';
import {
  addDays,
  paymentsAtTrigger,
  standing,
  triggerDate,
  type ScheduledPayment,
  type UfplTerms,
} from '@kuaizhuan/deals';
import { calendarOf } from './calendar';
import { demoDeals } from './demo-deals';
import type { DemoDeal, UfplOffer } from './story';

/** Every day of a leap year and of the year after. */
const DAYS: string[] = [];
for (let day = '2028-01-01'; day < '2030-01-01'; day = addDays(day, 1)) DAYS.push(day);

const dealsOn = (day: string): DemoDeal[] => demoDeals(calendarOf(new Date(`${day}T12:00:00+08:00`)));
const name = (deal: DemoDeal): string => `${deal.institution}×${deal.company}${deal.titleSuffix}`;
const money = (value: string | undefined): Decimal | null => (value === undefined ? null : new Decimal(value));

/** The terms agreed: the last version offered, in the pure core's shape. */
function agreedTerms(deal: DemoDeal): UfplTerms {
  const offer = deal.steps.flatMap((s) => (s.do === 'offer' && s.ufpl ? [s.ufpl] : [])).at(-1) as UfplOffer;
  return {
    freeUntil: offer.freeUntil,
    trigger:
      offer.triggerKind === 'date'
        ? { kind: 'date', date: offer.triggerDate! }
        : offer.triggerKind === 'first_revenue'
          ? { kind: 'first_revenue' }
          : { kind: 'revenue_threshold', threshold: new Decimal(offer.triggerThreshold!) },
    mode: offer.paymentMode,
    fee: money(offer.fee),
    instalmentCount: offer.instalmentCount ?? null,
    intervalMonths: offer.intervalMonths ?? null,
    entryFee: money(offer.entryFee),
    royaltyPercent: offer.royaltyPercent ?? null,
    royaltyCap: money(offer.royaltyCap),
    dueDays: offer.dueDays,
    graceDays: offer.graceDays,
  };
}

/** What the licence has scheduled by `today` after the deal's revenue reports (royalties aside). */
function scheduled(deal: DemoDeal, today: string): ScheduledPayment[] {
  const terms = agreedTerms(deal);
  const reports = deal.steps.flatMap((s) =>
    s.do === 'report' ? [{ periodEnd: s.to, revenue: new Decimal(s.revenue) }] : [],
  );
  const reached = triggerDate(terms, today, reports);
  return reached === null ? [] : paymentsAtTrigger(terms, reached);
}

/** Where the story does not fit the calendar of `day`. */
function misfits(day: string, deal: DemoDeal): string[] {
  const problems: string[] = [];
  const start = deal.signedOn ?? deal.openedOn;
  if (deal.signedOn !== null && deal.openedOn >= deal.signedOn) problems.push('opened after signing');
  if (start > day) problems.push('opened or signed after the day of the seed');
  if (deal.signedOn && Number(deal.signedOn.slice(0, 4)) < Number(day.slice(0, 4)) - 1)
    problems.push('signed too early');
  for (const step of deal.steps) {
    const dates = 'on' in step ? [step.on] : step.do === 'report' ? [step.from, step.to] : [];
    if (dates.some((d) => d < deal.openedOn || d > day)) problems.push(`${step.do} outside the room's life`);
    if (step.do === 'report' && (step.from < start || step.from > step.to)) problems.push('report period');
    if (step.do === 'offer' && step.ufpl && deal.signedOn && step.ufpl.freeUntil < deal.signedOn) {
      problems.push('free use ends before signing');
    }
  }
  return problems.map((p) => `${day} ${name(deal)}: ${p}`);
}

describe('demo deals', () => {
  it('are thirteen deals of every type but joint development', () => {
    const deals = dealsOn('2028-06-15');
    expect(deals).toHaveLength(13);
    expect(new Set(deals.map((d) => d.type))).toEqual(
      new Set(['transfer', 'licence', 'use_first_pay_later', 'rights_for_equity', 'rights_grant']),
    );
  });

  it('tell stories that fit the calendar whatever the day of the seed', () => {
    expect(DAYS.flatMap((day) => dealsOn(day).flatMap((deal) => misfits(day, deal)))).toEqual([]);
  });

  it('sign five deals this year and six last year, whatever the day', () => {
    const counts = new Set(
      DAYS.map((day) => {
        const years = dealsOn(day).flatMap((d) => (d.signedOn ? [d.signedOn.slice(0, 4)] : []));
        return `${years.filter((y) => y === day.slice(0, 4)).length}/${years.length}`;
      }),
    );
    expect([...counts]).toEqual(['5/11']);
  });

  it('pay only instalments already scheduled, and leave exactly one overdue within grace, whatever the day', () => {
    const outcomes = new Set(
      DAYS.map((day) => {
        const standings: string[] = [];
        for (const deal of dealsOn(day).filter((d) => d.type === 'use_first_pay_later' && d.signedOn)) {
          const payments = scheduled(deal, day);
          const paid = deal.steps.flatMap((s) => (s.do === 'pay' ? [s] : []));
          for (const pay of paid) {
            if (!payments.some((p) => p.seq === pay.seq)) standings.push(`paid ${pay.seq} not scheduled`);
          }
          for (const p of payments.filter((p) => !paid.some((pay) => pay.seq === p.seq))) {
            standings.push(standing(p.dueOn, day, agreedTerms(deal).graceDays));
          }
        }
        return standings.filter((s) => s !== 'current').join(',');
      }),
    );
    expect([...outcomes]).toEqual(['overdue']);
  });
});
