import Decimal from 'decimal.js';
import type { FieldDistribution } from './field-inference';
import type { AchievementProfile, FeatureValue, NeedProfile } from './types';

const NEUTRAL = 0.5;
const CHONGQING_PREFIX = '50';
const FRESHNESS_HALF_LIFE_YEARS = 3;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function feature(name: FeatureValue['feature'], value: number, zh: string, en: string): FeatureValue {
  return { feature: name, value: Math.min(1, Math.max(0, value)), zh, en };
}

/**
 * Text relevance on an absolute scale: the share of the need's wording, each word weighed by
 * how rare it is among listings, that the listing holds (see text-relevance.ts).
 */
export function textFeature(coverage: number, sharedWords: readonly string[]): FeatureValue {
  const shown = sharedWords.slice(0, 5);
  if (shown.length === 0) {
    return feature('text', coverage, '与需求没有共同的关键用词', 'No telling word in common with the need');
  }
  return feature(
    'text',
    coverage,
    `覆盖需求用词的 ${pct(coverage)}（按词的稀有度加权），共同用词：${shown.join('、')}`,
    `Covers ${pct(coverage)} of the need's wording (weighed by rarity); shared words: ${shown.join(', ')}`,
  );
}

/** Share of the need's keywords found among the achievement's keywords or in its text. */
export function keywordFeature(need: NeedProfile, achievement: AchievementProfile): FeatureValue {
  const wanted = [...new Set(need.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) {
    return feature('keywords', NEUTRAL, '需求未填写关键词', 'The need lists no keywords');
  }
  const own = new Set(achievement.keywords.map((k) => k.trim().toLowerCase()));
  const found = wanted.filter((k) => own.has(k) || achievement.text.includes(k));
  const value = found.length / wanted.length;
  return found.length > 0
    ? feature('keywords', value, `命中关键词：${found.join('、')}`, `Matching keywords: ${found.join(', ')}`)
    : feature('keywords', 0, '没有命中需求关键词', 'None of the need keywords appear');
}

/** A field's name: one text, or its Chinese and English names (the taxonomy has both). */
export type FieldNamer = (code: string) => string | { zh: string; en: string };

/**
 * How much of the need's wording a listing in the field the company named must cover before the
 * field counts in full. A named field says which discipline the need is in, not that every listing
 * of that discipline answers it: a hotpot-base maker naming food science is not served by any
 * food-science result. Set by hand (the development sets name no fine field): below this share the
 * field's value falls in proportion, to the neutral 0.5 for a listing that shares no telling word.
 */
export const NAMED_FIELD_FULL_COVERAGE = 0.5;

/**
 * Technology field. With fields chosen by the company: a shared field 0.5–1 by how much of the
 * need the listing covers (see NAMED_FIELD_FULL_COVERAGE), same category 0.5. Without: the
 * inferred share of the achievement's field, plus agreement of broad category.
 */
export function fieldFeature(
  need: NeedProfile,
  achievement: AchievementProfile,
  inferred: FieldDistribution,
  namer: FieldNamer,
  coverage = 1,
): FeatureValue {
  const zhName = (code: string): string => {
    const name = namer(code);
    return typeof name === 'string' ? name : name.zh;
  };
  const enName = (code: string): string => {
    const name = namer(code);
    return typeof name === 'string' ? name : name.en;
  };
  const sameCategory =
    need.categoryCodes.length > 0 && achievement.categoryCodes.some((c) => need.categoryCodes.includes(c));
  if (need.fieldCodes.length > 0) {
    const shared = achievement.fieldCodes.filter((code) => need.fieldCodes.includes(code));
    if (shared.length > 0) {
      const names = shared.map(zhName).join('、');
      const covered = Math.min(1, Math.max(0, coverage) / NAMED_FIELD_FULL_COVERAGE);
      if (covered >= 1) {
        return feature('field', 1, `同属技术领域：${names}`, `Same technology field: ${shared.map(enName).join(', ')}`);
      }
      return feature(
        'field',
        0.5 + 0.5 * covered,
        `同属技术领域：${names}，但只覆盖需求用词的 ${pct(coverage)}`,
        `Same technology field: ${shared.map(enName).join(', ')}, but it covers only ${pct(coverage)} of the need's wording`,
      );
    }
    return sameCategory
      ? feature('field', 0.5, '技术领域不同，但属同一大类', 'Different field in the same broad category')
      : feature('field', 0, '技术领域不同', 'Different technology field');
  }
  if (need.categoryCodes.length === 0 && inferred.size === 0) {
    return feature('field', NEUTRAL, '需求未指定技术领域', 'The need names no technology field');
  }
  const share = Math.max(0, ...achievement.fieldCodes.map((code) => inferred.get(code) ?? 0));
  const value = 0.6 * share + (sameCategory ? 0.4 : 0);
  const field = achievement.fieldCodes.map(zhName).join('、') || '未标注';
  return feature(
    'field',
    value,
    `需求文本推断属于该成果领域（${field}）的把握为 ${pct(share)}${sameCategory ? '，门类一致' : ''}`,
    `The need's text points to this field (${achievement.fieldCodes.map(enName).join(', ') || 'none'}) with ${pct(share)} confidence${sameCategory ? ', same broad category' : ''}`,
  );
}

/** Maturity: at or above the level the company can use is a full fit; each level short costs a quarter. */
export function maturityFeature(need: NeedProfile, achievement: AchievementProfile): FeatureValue {
  if (need.desiredTrl === null || achievement.trl === null) {
    return feature('maturity', NEUTRAL, '成熟度信息不全', 'Maturity not stated on both sides');
  }
  const gap = need.desiredTrl - achievement.trl;
  if (gap <= 0) {
    return feature(
      'maturity',
      1,
      `成熟度 TRL ${achievement.trl}，满足需求（TRL ${need.desiredTrl}）`,
      `TRL ${achievement.trl} meets the required TRL ${need.desiredTrl}`,
    );
  }
  return feature(
    'maturity',
    1 - gap / 4,
    `成熟度 TRL ${achievement.trl}，低于需求 ${gap} 级`,
    `TRL ${achievement.trl}, ${gap} level(s) below the required TRL ${need.desiredTrl}`,
  );
}

function yuan(amount: Decimal): string {
  return amount.greaterThanOrEqualTo(10_000)
    ? `${amount.dividedBy(10_000).toDecimalPlaces(1).toString()} 万元`
    : `${amount.toString()} 元`;
}

/** An amount as English readers write it: CN¥2,000,000 (CN¥2,000,000.5 keeps its decimals). */
function yuanEn(amount: Decimal): string {
  const [whole, fraction] = amount.toFixed().split('.');
  return `CN¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** Price against budget: within budget 1, overlapping ranges 0.8, above budget by the ratio budget / price. */
export function priceFeature(need: NeedProfile, achievement: AchievementProfile): FeatureValue {
  const budgetTop = need.budget.max;
  const askLow = achievement.price.min ?? achievement.price.max;
  const askHigh = achievement.price.max ?? achievement.price.min;
  if (budgetTop === null || askLow === null || askHigh === null) {
    return feature('price', NEUTRAL, '价格或预算未公开', 'Price or budget not given');
  }
  if (askHigh.lessThanOrEqualTo(budgetTop)) {
    return feature(
      'price',
      1,
      `报价在预算（${yuan(budgetTop)}）之内`,
      `Asking price within the budget of ${yuanEn(budgetTop)}`,
    );
  }
  if (askLow.lessThanOrEqualTo(budgetTop)) {
    return feature('price', 0.8, '报价区间与预算部分重叠', 'Price range overlaps the budget');
  }
  const ratio = budgetTop.dividedBy(askLow).toDecimalPlaces(4).toNumber();
  return feature(
    'price',
    ratio,
    `报价（${yuan(askLow)} 起）高于预算（${yuan(budgetTop)}）`,
    `Asking from ${yuanEn(askLow)}, above the budget of ${yuanEn(budgetTop)}`,
  );
}

const MODE_ZH: Record<string, string> = {
  transfer: '转让',
  licence: '许可',
  use_first_pay_later: '先使用后付费',
  equity: '作价入股',
  joint_development: '合作开发',
  commissioned_rd: '委托研发',
};

const MODE_EN: Record<string, string> = {
  transfer: 'transfer',
  licence: 'licence',
  use_first_pay_later: 'use first, pay later',
  equity: 'rights for equity',
  joint_development: 'joint development',
  commissioned_rd: 'commissioned R&D',
};

export function modeFeature(need: NeedProfile, achievement: AchievementProfile): FeatureValue {
  if (need.modes.length === 0 || achievement.modes.length === 0) {
    return feature('mode', NEUTRAL, '合作方式未限定', 'Cooperation mode open');
  }
  const shared = need.modes.filter((m) => achievement.modes.includes(m));
  return shared.length > 0
    ? feature(
        'mode',
        1,
        `可按${shared.map((m) => MODE_ZH[m]).join('、')}合作`,
        `Both accept: ${shared.map((m) => MODE_EN[m] ?? m).join(', ')}`,
      )
    : feature('mode', 0, '合作方式不一致', 'No cooperation mode in common');
}

/** Locality: the plan's goal is conversion inside Chongqing. */
export function localityFeature(need: NeedProfile, achievement: AchievementProfile): FeatureValue {
  if (!need.regionCode || !achievement.regionCode) {
    return feature('locality', NEUTRAL, '地区信息不全', 'Region not known on both sides');
  }
  const needLocal = need.regionCode.startsWith(CHONGQING_PREFIX);
  const achievementLocal = achievement.regionCode.startsWith(CHONGQING_PREFIX);
  if (needLocal && achievementLocal)
    return feature('locality', 1, '双方均在重庆，利于本地转化', 'Both in Chongqing: local conversion');
  if (needLocal || achievementLocal) return feature('locality', 0.3, '一方在重庆', 'One side in Chongqing');
  return feature('locality', 0.3, '双方均不在重庆', 'Neither side in Chongqing');
}

export function freshnessFeature(achievement: AchievementProfile, now: Date): FeatureValue {
  const years = Math.max(0, (now.getTime() - achievement.publishedAt.getTime()) / YEAR_MS);
  const value = 2 ** (-years / FRESHNESS_HALF_LIFE_YEARS);
  const shown = years < 1 ? '不到一年' : `${Math.floor(years)} 年`;
  return feature(
    'freshness',
    value,
    `发布${shown}`,
    years < 1 ? 'Published within a year' : `Published ${Math.floor(years)} year(s) ago`,
  );
}

export function qualityFeature(achievement: AchievementProfile): FeatureValue {
  return feature(
    'quality',
    achievement.quality,
    `信息完整度 ${pct(achievement.quality)}`,
    `Listing ${pct(achievement.quality)} complete`,
  );
}

/** Earlier answers, smoothed so that an achievement nobody has answered yet sits at 0.5. */
export function feedbackFeature(achievement: AchievementProfile): FeatureValue {
  const { interested, declined, rejected } = achievement.feedback;
  const value = (interested + 1) / (interested + declined + 2 * rejected + 2);
  if (interested + declined + rejected === 0) {
    return feature('feedback', value, '尚无反馈', 'No answers yet');
  }
  return feature(
    'feedback',
    value,
    `此前 ${interested} 次感兴趣、${declined} 次不感兴趣、${rejected} 次被驳回`,
    `Earlier: ${interested} interested, ${declined} declined, ${rejected} rejected by managers`,
  );
}

export interface ListingFacts {
  summaryLength: number;
  keywordCount: number;
  hasScenarios: boolean;
  hasAdvantages: boolean;
  hasIp: boolean;
  hasPrice: boolean;
  hasTrl: boolean;
  researcherCount: number;
}

/** How complete a listing is, in [0,1]: what a company needs to judge it. */
export function listingQuality(facts: ListingFacts): number {
  const parts = [
    Math.min(1, facts.summaryLength / 200),
    Math.min(1, facts.keywordCount / 3),
    facts.hasScenarios ? 1 : 0,
    facts.hasAdvantages ? 1 : 0,
    facts.hasIp ? 1 : 0,
    facts.hasPrice ? 1 : 0,
    facts.hasTrl ? 1 : 0,
    facts.researcherCount > 0 ? 1 : 0,
  ];
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}
