import Decimal from 'decimal.js';
import fc from 'fast-check';
import { contributionProblem, DEFAULT_POLICY, policyProblem, splitIncome, type Contribution } from './income-split';
import { sum, yuan } from './money';
import { fenAmount } from '../../test/arbitraries';

const d = (value: string): Decimal => new Decimal(value);
const team: Contribution[] = [
  { researcherId: 'r1', sharePercent: '50' },
  { researcherId: 'r2', sharePercent: '30' },
  { researcherId: 'r3', sharePercent: '20' },
];

describe('splitIncome', () => {
  it('recovers costs first, then gives the institution its cap and the team the rest', () => {
    const split = splitIncome(d('100000'), d('10000'), DEFAULT_POLICY, team);
    expect({
      costRecovery: yuan(split.costRecovery),
      institution: yuan(split.institution),
      team: yuan(split.team),
      researchers: split.researchers.map((r) => [r.researcherId, yuan(r.amount)]),
    }).toEqual({
      costRecovery: '10000.00',
      institution: '18000.00',
      team: '72000.00',
      researchers: [
        ['r1', '36000.00'],
        ['r2', '21600.00'],
        ['r3', '14400.00'],
      ],
    });
  });

  it('spends the whole income on costs when they exceed it', () => {
    const split = splitIncome(d('500'), d('800'), DEFAULT_POLICY, team);
    expect([split.costRecovery, split.institution, split.team].map(yuan)).toEqual(['500.00', '0.00', '0.00']);
  });

  it('rounds the institution down and gives the team the odd fen', () => {
    const split = splitIncome(d('0.99'), d('0'), { teamFloorPercent: '70', institutionCapPercent: '30' }, team);
    expect([split.institution, split.team].map(yuan)).toEqual(['0.29', '0.70']);
    expect(split.researchers.map((r) => yuan(r.amount))).toEqual(['0.35', '0.21', '0.14']);
  });

  it('gives the team what a cap below 100 − floor leaves over', () => {
    const split = splitIncome(d('1000'), d('0'), { teamFloorPercent: '80', institutionCapPercent: '10' }, team);
    expect([split.institution, split.team].map(yuan)).toEqual(['100.00', '900.00']);
  });

  it('refuses a policy over 100% and contributions that do not add up', () => {
    expect(() => splitIncome(d('1'), d('0'), { teamFloorPercent: '85', institutionCapPercent: '20' }, team)).toThrow(
      /more than 100/,
    );
    expect(() => splitIncome(d('1'), d('0'), DEFAULT_POLICY, team.slice(1))).toThrow(/add up to 100, not 50/);
  });

  it('sums exactly, keeps the team at or above the floor and the institution within the cap, for random input', () => {
    const percent = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).div(10_000));
    fc.assert(
      fc.property(
        fenAmount(),
        fenAmount(),
        percent,
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 10 }),
        (total, costs, floor, rawShares) => {
          fc.pre(rawShares.some((s) => s > 0));
          const cap = new Decimal(100).minus(floor);
          // Shares in hundredths of a percent that add up to exactly 100.
          const shareSum = rawShares.reduce((a, b) => a + b, 0);
          const hundredths = rawShares.map((s) => Math.floor((s * 10_000) / shareSum));
          hundredths[0] += 10_000 - hundredths.reduce((a, b) => a + b, 0);
          const contributions = hundredths.map((h, i) => ({
            researcherId: `r${i}`,
            sharePercent: new Decimal(h).div(100).toString(),
          }));
          const policy = { teamFloorPercent: floor.toString(), institutionCapPercent: cap.toString() };
          const split = splitIncome(total, costs, policy, contributions);

          const parts = [split.costRecovery, split.institution, ...split.researchers.map((r) => r.amount)];
          expect(sum(parts).equals(total)).toBe(true);
          expect(sum(split.researchers.map((r) => r.amount)).equals(split.team)).toBe(true);
          expect(parts.every((p) => p.gte(0) && p.times(100).isInteger())).toBe(true);
          const rest = total.minus(split.costRecovery);
          expect(split.institution.lte(rest.times(cap).div(100))).toBe(true);
          expect(split.team.gte(rest.times(floor).div(100))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('policyProblem', () => {
  it('accepts a floor and cap adding up to at most 100', () => {
    expect(policyProblem({ teamFloorPercent: '90', institutionCapPercent: '10' })).toBeNull();
    expect(policyProblem({ teamFloorPercent: '90', institutionCapPercent: '10.0001' })).toMatch(/more than 100/);
  });
});

describe('contributionProblem', () => {
  it('names what is wrong with a set of shares', () => {
    expect(contributionProblem([])).toMatch(/at least one/);
    expect(
      contributionProblem([
        { researcherId: 'a', sharePercent: '50' },
        { researcherId: 'a', sharePercent: '50' },
      ]),
    ).toMatch(/once/);
    expect(contributionProblem([{ researcherId: 'a', sharePercent: '100.01' }])).toMatch(/not 100.01/);
    expect(contributionProblem(team)).toBeNull();
  });
});
