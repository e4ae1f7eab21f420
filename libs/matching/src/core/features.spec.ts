import Decimal from 'decimal.js';
import {
  feedbackFeature,
  listingQuality,
  localityFeature,
  maturityFeature,
  modeFeature,
  priceFeature,
} from './features';
import { inferFieldDistribution, likelyFields } from './field-inference';
import type { AchievementProfile, NeedProfile } from './types';

const baseNeed: NeedProfile = {
  id: 'n',
  orgId: 'o1',
  keywords: [],
  fieldCodes: [],
  categoryCodes: [],
  desiredTrl: null,
  budget: { min: null, max: null },
  modes: [],
  regionCode: null,
};

const baseAchievement: AchievementProfile = {
  id: 'a',
  orgId: 'o2',
  title: '',
  keywords: [],
  text: '',
  fieldCodes: [],
  categoryCodes: [],
  trl: null,
  price: { min: null, max: null },
  modes: [],
  regionCode: null,
  publishedAt: new Date(),
  quality: 1,
  feedback: { interested: 0, declined: 0, rejected: 0 },
};

describe('priceFeature', () => {
  const budget = (max: string): NeedProfile => ({ ...baseNeed, budget: { min: null, max: new Decimal(max) } });
  const asking = (min: string, max: string): AchievementProfile => ({
    ...baseAchievement,
    price: { min: new Decimal(min), max: new Decimal(max) },
  });

  it('is 1 within budget, 0.8 when ranges overlap, budget/price above it', () => {
    expect(priceFeature(budget('100'), asking('50', '90')).value).toBe(1);
    expect(priceFeature(budget('100'), asking('80', '150')).value).toBe(0.8);
    expect(priceFeature(budget('100'), asking('400', '500')).value).toBe(0.25);
  });

  it('is neutral when either side is unknown', () => {
    expect(priceFeature(baseNeed, asking('1', '2')).value).toBe(0.5);
  });

  it('writes amounts for English readers with the currency and thousands separators', () => {
    expect(priceFeature(budget('2000000'), asking('500000', '900000')).en).toBe(
      'Asking price within the budget of CN¥2,000,000',
    );
    expect(priceFeature(budget('100000'), asking('400000.5', '500000')).en).toBe(
      'Asking from CN¥400,000.5, above the budget of CN¥100,000',
    );
  });
});

describe('modeFeature', () => {
  it('names the shared cooperation modes in words, never their codes', () => {
    const need: NeedProfile = { ...baseNeed, modes: ['use_first_pay_later', 'licence'] };
    const achievement: AchievementProfile = { ...baseAchievement, modes: ['licence', 'use_first_pay_later'] };
    expect(modeFeature(need, achievement)).toMatchObject({
      zh: '可按先使用后付费、许可合作',
      en: 'Both accept: use first, pay later, licence',
    });
  });
});

describe('maturityFeature', () => {
  it('costs a quarter per level below the need', () => {
    const need = { ...baseNeed, desiredTrl: 7 as const };
    expect(maturityFeature(need, { ...baseAchievement, trl: 8 }).value).toBe(1);
    expect(maturityFeature(need, { ...baseAchievement, trl: 5 }).value).toBe(0.5);
    expect(maturityFeature(need, { ...baseAchievement, trl: 1 }).value).toBe(0);
  });
});

describe('localityFeature', () => {
  it('prefers both parties in Chongqing', () => {
    const need = { ...baseNeed, regionCode: '500112' };
    expect(localityFeature(need, { ...baseAchievement, regionCode: '500106' }).value).toBe(1);
    expect(localityFeature(need, { ...baseAchievement, regionCode: '110000' }).value).toBe(0.3);
  });
});

describe('feedbackFeature', () => {
  it('sits at 0.5 without answers and moves with them', () => {
    expect(feedbackFeature(baseAchievement).value).toBe(0.5);
    const liked = feedbackFeature({ ...baseAchievement, feedback: { interested: 8, declined: 0, rejected: 0 } });
    const rejected = feedbackFeature({ ...baseAchievement, feedback: { interested: 0, declined: 1, rejected: 3 } });
    expect(liked.value).toBeGreaterThan(0.8);
    expect(rejected.value).toBeLessThan(0.2);
  });
});

describe('listingQuality', () => {
  it('is 1 for a complete listing and 0 for an empty one', () => {
    const full = {
      summaryLength: 300,
      keywordCount: 5,
      hasScenarios: true,
      hasAdvantages: true,
      hasIp: true,
      hasPrice: true,
      hasTrl: true,
      researcherCount: 2,
    };
    expect(listingQuality(full)).toBe(1);
    expect(
      listingQuality({
        ...full,
        summaryLength: 0,
        keywordCount: 0,
        hasScenarios: false,
        hasAdvantages: false,
        hasIp: false,
        hasPrice: false,
        hasTrl: false,
        researcherCount: 0,
      }),
    ).toBe(0);
  });
});

describe('inferFieldDistribution', () => {
  const hit = (field: string, category: string, textScore: number) => ({
    achievement: { ...baseAchievement, id: `${field}${textScore}`, fieldCodes: [field], categoryCodes: [category] },
    textScore,
  });

  it('weights each vote by its score relative to the best hit', () => {
    const dist = inferFieldDistribution([hit('cs', 'eng', 10), hit('ee', 'eng', 5), hit('cs', 'eng', 5)], []);
    expect(dist.get('cs')).toBeCloseTo(0.75);
    expect(dist.get('ee')).toBeCloseTo(0.25);
  });

  it('ignores hits outside the need categories', () => {
    const dist = inferFieldDistribution([hit('law', 'law', 10), hit('cs', 'eng', 2)], ['eng']);
    expect([...dist.keys()]).toEqual(['cs']);
  });

  it('is empty when nothing matched', () => {
    expect(inferFieldDistribution([], []).size).toBe(0);
  });

  it('lists the likeliest fields covering the wanted mass', () => {
    const dist = new Map([
      ['a', 0.5],
      ['b', 0.3],
      ['c', 0.2],
    ]);
    expect(likelyFields(dist, 0.7)).toEqual(['a', 'b']);
  });
});
