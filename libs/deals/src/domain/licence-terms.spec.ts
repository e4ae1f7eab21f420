import Decimal from 'decimal.js';
import fc from 'fast-check';
import { addMonths, chinaDate, daysBetween, isDate, morningOf } from './dates';
import {
  instalmentSchedule,
  paymentsAtTrigger,
  royaltyDue,
  scheduleTotal,
  standing,
  triggerDate,
  type UfplTerms,
} from './licence-terms';
import { yuan } from './money';
import { fenAmount } from '../../test/arbitraries';

const d = (value: string): Decimal => new Decimal(value);

const terms = (overrides: Partial<UfplTerms> = {}): UfplTerms => ({
  freeUntil: '2026-06-30',
  trigger: { kind: 'first_revenue' },
  mode: 'instalments',
  fee: d('100000'),
  instalmentCount: 3,
  intervalMonths: 3,
  entryFee: null,
  royaltyPercent: null,
  royaltyCap: null,
  dueDays: 30,
  graceDays: 15,
  ...overrides,
});

describe('dates', () => {
  it('clamps a month step to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('accepts real calendar dates only', () => {
    expect(['2026-02-28', '2028-02-29'].every(isDate)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1'].some(isDate)).toBe(false);
  });

  it('reads the calendar in China time', () => {
    expect(chinaDate(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(morningOf('2026-03-02').toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(daysBetween('2026-03-02', '2026-02-28')).toBe(-2);
  });
});

describe('triggerDate', () => {
  it('is reached by a fixed date, but not before it', () => {
    const byDate = terms({ trigger: { kind: 'date', date: '2026-09-01' } });
    expect(triggerDate(byDate, '2026-08-31', [])).toBeNull();
    expect(triggerDate(byDate, '2026-09-01', [])).toBe('2026-09-01');
  });

  it('is reached by the first period with revenue', () => {
    const reports = [
      { periodEnd: '2026-09-30', revenue: d('0') },
      { periodEnd: '2026-12-31', revenue: d('10.00') },
    ];
    expect(triggerDate(terms(), '2027-01-10', reports)).toBe('2026-12-31');
    expect(triggerDate(terms(), '2027-01-10', reports.slice(0, 1))).toBeNull();
  });

  it('is reached when cumulative revenue meets the threshold', () => {
    const threshold = terms({ trigger: { kind: 'revenue_threshold', threshold: d('1000000') } });
    const reports = [
      { periodEnd: '2027-03-31', revenue: d('600000') },
      { periodEnd: '2026-12-31', revenue: d('399999.99') },
    ];
    expect(triggerDate(threshold, '2027-04-01', reports)).toBeNull();
    expect(triggerDate(threshold, '2027-07-01', [...reports, { periodEnd: '2027-06-30', revenue: d('0.01') }])).toBe(
      '2027-06-30',
    );
  });

  it('never starts payment inside the free-use period', () => {
    expect(triggerDate(terms(), '2026-05-01', [{ periodEnd: '2026-03-31', revenue: d('5') }])).toBeNull();
    expect(triggerDate(terms(), '2026-07-01', [{ periodEnd: '2026-03-31', revenue: d('5') }])).toBe('2026-07-01');
  });
});

describe('paymentsAtTrigger', () => {
  it('schedules instalments from the trigger plus the due days', () => {
    expect(paymentsAtTrigger(terms(), '2026-12-31').map((p) => [p.seq, p.kind, yuan(p.amount), p.dueOn])).toEqual([
      [1, 'instalment', '33333.34', '2027-01-30'],
      [2, 'instalment', '33333.33', '2027-04-30'],
      [3, 'instalment', '33333.33', '2027-07-30'],
    ]);
  });

  it('schedules one lump sum, one entry fee, or nothing for a pure royalty', () => {
    expect(paymentsAtTrigger(terms({ mode: 'lump_sum' }), '2026-12-31')).toEqual([
      { seq: 1, kind: 'lump_sum', amount: d('100000'), dueOn: '2027-01-30' },
    ]);
    expect(
      paymentsAtTrigger(terms({ mode: 'entry_fee_royalty', entryFee: d('5000'), royaltyPercent: '3' }), '2026-12-31'),
    ).toEqual([{ seq: 1, kind: 'entry_fee', amount: d('5000'), dueOn: '2027-01-30' }]);
    expect(paymentsAtTrigger(terms({ mode: 'royalty', royaltyPercent: '3' }), '2026-12-31')).toEqual([]);
  });
});

describe('instalmentSchedule', () => {
  it('refuses a count that is not a positive whole number', () => {
    expect(() => instalmentSchedule(d('10'), 0, '2026-01-01', 1)).toThrow(/positive/);
    expect(() => instalmentSchedule(d('10'), 1.5, '2026-01-01', 1)).toThrow(/positive/);
  });

  it('sums exactly to the fee for random amounts and counts, in whole fen, at most one fen apart', () => {
    fc.assert(
      fc.property(fenAmount(), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), (fee, count, step) => {
        const schedule = instalmentSchedule(fee, count, '2027-01-31', step);
        expect(schedule).toHaveLength(count);
        expect(scheduleTotal(schedule).equals(fee)).toBe(true);
        const amounts = schedule.map((p) => p.amount);
        expect(
          Decimal.max(...amounts)
            .minus(Decimal.min(...amounts))
            .lte('0.01'),
        ).toBe(true);
        expect(amounts.every((a) => a.times(100).isInteger())).toBe(true);
        schedule.slice(1).forEach((p, i) => expect(daysBetween(schedule[i].dueOn, p.dueOn)).toBeGreaterThan(0));
      }),
      { numRuns: 300 },
    );
  });
});

describe('royaltyDue', () => {
  it('rounds half up to the fen', () => {
    expect(yuan(royaltyDue(d('333.50'), '3', null, d('0')))).toBe('10.01');
    expect(yuan(royaltyDue(d('100'), '2.5555', null, d('0')))).toBe('2.56');
  });

  it('stops at the cap', () => {
    expect(yuan(royaltyDue(d('100000'), '5', d('12000'), d('9000')))).toBe('3000.00');
    expect(yuan(royaltyDue(d('100000'), '5', d('12000'), d('12000')))).toBe('0.00');
  });

  it('never charges more than the cap over any run of random reports', () => {
    fc.assert(
      fc.property(
        fc.array(fenAmount(10_000_000_000), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }).map((r) => new Decimal(r).div(10_000).toString()),
        fenAmount(1_000_000_000),
        (revenues, percent, cap) => {
          let charged = new Decimal(0);
          for (const revenue of revenues) {
            const due = royaltyDue(revenue, percent, cap, charged);
            expect(due.gte(0)).toBe(true);
            expect(due.times(100).isInteger()).toBe(true);
            charged = charged.plus(due);
          }
          expect(charged.lte(cap)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('standing', () => {
  it('is current until the due date, overdue within grace, defaulted after', () => {
    expect(standing('2027-01-30', '2027-01-30', 15)).toBe('current');
    expect(standing('2027-01-30', '2027-01-31', 15)).toBe('overdue');
    expect(standing('2027-01-30', '2027-02-14', 15)).toBe('overdue');
    expect(standing('2027-01-30', '2027-02-15', 15)).toBe('defaulted');
  });
});
