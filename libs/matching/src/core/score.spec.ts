import Decimal from 'decimal.js';
import { combine, DEFAULT_WEIGHTS, rankForNeed, validateWeights } from './score';
import type { AchievementProfile, Candidate, NeedProfile } from './types';

const now = new Date('2026-11-01T00:00:00Z');

function need(overrides: Partial<NeedProfile> = {}): NeedProfile {
  return {
    id: 'n1',
    orgId: 'company',
    keywords: [],
    fieldCodes: [],
    categoryCodes: [],
    desiredTrl: null,
    budget: { min: null, max: null },
    modes: [],
    regionCode: null,
    ...overrides,
  };
}

function achievement(id: string, overrides: Partial<AchievementProfile> = {}): AchievementProfile {
  return {
    id,
    orgId: 'university',
    title: id,
    keywords: [],
    text: '',
    fieldCodes: [],
    categoryCodes: [],
    trl: null,
    price: { min: null, max: null },
    modes: [],
    regionCode: null,
    publishedAt: now,
    quality: 0.5,
    feedback: { interested: 0, declined: 0, rejected: 0 },
    ...overrides,
  };
}

const hit = (a: AchievementProfile, textScore: number): Candidate => ({ achievement: a, textScore });

describe('rankForNeed', () => {
  it('ranks by text relevance when nothing else tells candidates apart', () => {
    const ranked = rankForNeed(need(), [hit(achievement('a'), 2), hit(achievement('b'), 8), hit(achievement('c'), 5)], {
      now,
    });
    expect(ranked.map((r) => r.achievementId)).toEqual(['b', 'c', 'a']);
  });

  it('never recommends the need owner its own achievement', () => {
    const own = achievement('own', { orgId: 'company' });
    const ranked = rankForNeed(need(), [hit(own, 10), hit(achievement('other'), 1)], { now });
    expect(ranked.map((r) => r.achievementId)).toEqual(['other']);
  });

  it('lifts candidates of the field the best text hits agree on', () => {
    const cs = [
      hit(achievement('cs-1', { fieldCodes: ['cs'], categoryCodes: ['eng'] }), 10),
      hit(achievement('cs-2', { fieldCodes: ['cs'], categoryCodes: ['eng'] }), 9),
      hit(achievement('law-1', { fieldCodes: ['law'], categoryCodes: ['law'] }), 6),
      hit(achievement('cs-3', { fieldCodes: ['cs'], categoryCodes: ['eng'] }), 5),
    ];
    const ranked = rankForNeed(need({ categoryCodes: ['eng'] }), cs, { now });
    expect(ranked.map((r) => r.achievementId)).toEqual(['cs-1', 'cs-2', 'cs-3', 'law-1']);
  });

  it('uses the fields the company chose over inference', () => {
    const ranked = rankForNeed(
      need({ fieldCodes: ['materials'] }),
      [hit(achievement('a', { fieldCodes: ['cs'] }), 10), hit(achievement('b', { fieldCodes: ['materials'] }), 6)],
      { now },
    );
    expect(ranked[0].achievementId).toBe('b');
    expect(ranked[0].features.find((f) => f.feature === 'field')?.value).toBe(1);
  });

  it('keeps the top k above the floor', () => {
    const cs = Array.from({ length: 30 }, (_, i) => hit(achievement(`a${i}`), 30 - i));
    expect(rankForNeed(need(), cs, { now, topK: 5 })).toHaveLength(5);
    const floored = rankForNeed(need(), cs, { now, floor: 0.3, topK: 30 });
    expect(floored.length).toBeGreaterThan(0);
    expect(floored.every((r) => r.score >= 0.3)).toBe(true);
    expect(floored.length).toBeLessThan(30);
  });

  it('explains every feature in Chinese and English', () => {
    const [top] = rankForNeed(
      need({
        keywords: ['锂电池'],
        budget: { min: null, max: new Decimal('500000') },
        desiredTrl: 6,
        regionCode: '500106',
        modes: ['licence'],
      }),
      [
        hit(
          achievement('a', {
            keywords: ['锂电池', '正极材料'],
            price: { min: new Decimal('300000'), max: new Decimal('400000') },
            trl: 7,
            regionCode: '500108',
            modes: ['licence', 'transfer'],
          }),
          3,
        ),
      ],
      { now },
    );
    expect(top.features).toHaveLength(10);
    for (const f of top.features) {
      expect(f.zh.length).toBeGreaterThan(0);
      expect(f.en.length).toBeGreaterThan(0);
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThanOrEqual(1);
    }
    const byName = Object.fromEntries(top.features.map((f) => [f.feature, f.value]));
    expect(byName).toMatchObject({ keywords: 1, price: 1, maturity: 1, locality: 1, mode: 1 });
  });
});

describe('combine', () => {
  it('is the weighted mean of the values', () => {
    const weights = { ...DEFAULT_WEIGHTS, text: 1, field: 3 };
    const value = combine(
      [
        { feature: 'text', value: 1, zh: '', en: '' },
        { feature: 'field', value: 0, zh: '', en: '' },
      ],
      weights,
    );
    expect(value).toBeCloseTo(0.25);
  });
});

describe('validateWeights', () => {
  it('refuses a negative weight, naming it', () => {
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, price: -1 })).toThrow(/price/);
  });

  it('refuses weights that are all zero', () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])) as typeof DEFAULT_WEIGHTS;
    expect(() => validateWeights(zero)).toThrow(/positive/);
  });
});
