import { textFeature, type FieldNamer } from '../core/features';
import { combine, DEFAULT_WEIGHTS } from '../core/score';
import type { FeatureValue, Weights } from '../core/types';

/** What the researcher ranking knows of a need. */
export interface NeedTopics {
  keywords: string[];
  /** Fine field codes the company chose. */
  fieldCodes: string[];
  /** Their broad categories. */
  categoryCodes: string[];
}

/** A researcher found by the search index, with what the features read. */
export interface ResearcherCandidate {
  id: string;
  orgId: string;
  researchAreas: string[];
  fieldCodes: string[];
  categoryCodes: string[];
  /** Title, profile and research areas, lower case. */
  text: string;
  /** BM25 of the need's text in the researcher's document (orders ties). */
  textScore: number;
  /** Share of the need's wording (weighed by rarity) the researcher's document holds. */
  coverage: number;
  sharedWords: string[];
}

export interface RankedResearcher {
  researcherId: string;
  orgId: string;
  score: number;
  features: FeatureValue[];
}

/**
 * The researcher score has the form of the need → achievements score (core/score.ts: a
 * logistic of the feature values off neutral), with log-odds weights set by hand, not fitted
 * (there is no evaluation set of researchers): research areas count as much as text, the field
 * half as much — a researcher's field is broad, and what they work on says more.
 */
export const RESEARCHER_WEIGHTS: Weights = { ...DEFAULT_WEIGHTS, text: 4, keywords: 4, field: 2 };
export const RESEARCHER_INTERCEPT = 1;

const NEUTRAL = 0.5;

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Share of the need's keywords among the researcher's research areas (or in their profile). */
export function researchAreaFeature(need: NeedTopics, researcher: ResearcherCandidate): FeatureValue {
  const wanted = [...new Set(need.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) {
    return { feature: 'keywords', value: NEUTRAL, zh: '需求未填写关键词', en: 'The need lists no keywords' };
  }
  const areas = researcher.researchAreas.map((a) => a.trim().toLowerCase());
  const found = wanted.filter((k) => areas.some((a) => a.includes(k) || k.includes(a)) || researcher.text.includes(k));
  if (found.length === 0) {
    return {
      feature: 'keywords',
      value: 0,
      zh: '研究方向未命中需求关键词',
      en: 'No need keyword in the research areas',
    };
  }
  return {
    feature: 'keywords',
    value: clamp(found.length / wanted.length),
    zh: `研究方向命中：${found.join('、')}`,
    en: `Research areas match: ${found.join(', ')}`,
  };
}

/** The company's technology fields against the researcher's: shared field 1, same category 0.5. */
export function researcherFieldFeature(
  need: NeedTopics,
  researcher: ResearcherCandidate,
  fieldName: FieldNamer,
): FeatureValue {
  if (need.fieldCodes.length === 0 && need.categoryCodes.length === 0) {
    return { feature: 'field', value: NEUTRAL, zh: '需求未指定技术领域', en: 'The need names no technology field' };
  }
  const shared = researcher.fieldCodes.filter((code) => need.fieldCodes.includes(code));
  if (shared.length > 0) {
    const names = shared.map((code) => {
      const name = fieldName(code);
      return typeof name === 'string' ? { zh: name, en: name } : name;
    });
    return {
      feature: 'field',
      value: 1,
      zh: `同属${names.map((n) => n.zh).join('、')}领域`,
      en: `Same field: ${names.map((n) => n.en).join(', ')}`,
    };
  }
  if (researcher.categoryCodes.some((code) => need.categoryCodes.includes(code))) {
    return { feature: 'field', value: 0.5, zh: '同属一个技术大类', en: 'Same broad technology category' };
  }
  return { feature: 'field', value: 0, zh: '研究领域不同', en: 'Different technology field' };
}

/**
 * Ranks researchers for a need by research area: text relevance (the share of the need's wording
 * the researcher's profile holds), research areas against the need's keywords, and technology
 * field, combined into a calibrated score. Keeps the `topK` best at or above `floor`, best
 * first, ties by text score then id. Pure.
 */
export function rankResearchers(
  need: NeedTopics,
  candidates: readonly ResearcherCandidate[],
  options: { topK: number; floor: number; fieldName: FieldNamer },
): RankedResearcher[] {
  return candidates
    .map((candidate) => {
      const features = [
        textFeature(candidate.coverage, candidate.sharedWords),
        researchAreaFeature(need, candidate),
        researcherFieldFeature(need, candidate, options.fieldName),
      ];
      const score = Math.round(combine(features, RESEARCHER_WEIGHTS, RESEARCHER_INTERCEPT) * 1e6) / 1e6;
      return { researcherId: candidate.id, orgId: candidate.orgId, score, features, textScore: candidate.textScore };
    })
    .filter((ranked) => ranked.score >= options.floor)
    .sort((a, b) => b.score - a.score || b.textScore - a.textScore || (a.researcherId < b.researcherId ? -1 : 1))
    .slice(0, options.topK)
    .map(({ textScore: _textScore, ...ranked }) => ranked);
}
