import { textFeature, type FieldNamer } from '../core/features';
import type { FeatureValue } from '../core/types';

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
  textScore: number;
}

export interface RankedResearcher {
  researcherId: string;
  orgId: string;
  score: number;
  features: FeatureValue[];
}

/** How much each feature counts for a researcher; they sum to 1. */
export const RESEARCHER_WEIGHTS = { text: 0.5, keywords: 0.3, field: 0.2 } as const;

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
 * Ranks researchers for a need by research area: text relevance (relative to the best hit),
 * research areas against the need's keywords, and technology field. Keeps the `topK` best at or
 * above `floor`, best first, ties by id. Pure.
 */
export function rankResearchers(
  need: NeedTopics,
  candidates: readonly ResearcherCandidate[],
  options: { topK: number; floor: number; fieldName: FieldNamer },
): RankedResearcher[] {
  const best = Math.max(0, ...candidates.map((c) => c.textScore));
  return candidates
    .map((candidate) => {
      const features = [
        textFeature(candidate.textScore, best),
        researchAreaFeature(need, candidate),
        researcherFieldFeature(need, candidate, options.fieldName),
      ];
      const score = features.reduce(
        (sum, f) => sum + RESEARCHER_WEIGHTS[f.feature as keyof typeof RESEARCHER_WEIGHTS] * f.value,
        0,
      );
      return { researcherId: candidate.id, orgId: candidate.orgId, score, features };
    })
    .filter((ranked) => ranked.score >= options.floor)
    .sort((a, b) => b.score - a.score || (a.researcherId < b.researcherId ? -1 : 1))
    .slice(0, options.topK);
}
