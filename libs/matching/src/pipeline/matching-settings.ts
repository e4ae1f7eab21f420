import { Injectable } from '@nestjs/common';
import { AppConfig } from '@kuaizhuan/platform';
import { DEFAULT_INTERCEPT, DEFAULT_WEIGHTS, validateWeights } from '../core/score';
import { FEATURE_NAMES, type Weights } from '../core/types';

/** Bumped when scoring changes, so stored recommendations say which matcher made them. */
export const MATCHER_VERSION = 'm2-coverage-calibrated';

/**
 * The matcher's settings, from the environment: weights as `MATCH_WEIGHTS=text:0.4,field:0.4,…`
 * (features not named keep their default), how many to keep, the floor, and the
 * auto-approval threshold (off unless set).
 */
@Injectable()
export class MatchingSettings {
  readonly weights: Weights;
  readonly intercept = DEFAULT_INTERCEPT;
  readonly topK: number;
  /** Floors on the calibrated score, per direction: need → achievements, achievement → needs, need → researchers. */
  readonly floor: number;
  readonly needsFloor: number;
  readonly researchersFloor: number;
  readonly candidates = 200;
  readonly fieldCandidates = 100;
  readonly votingHits = 20;
  readonly autoApproveScore: number | null;
  readonly reviewHours: number;

  constructor(config: AppConfig) {
    this.weights = parseWeights(config.get('MATCH_WEIGHTS'));
    this.topK = config.get('MATCH_TOP_K');
    this.floor = config.get('MATCH_FLOOR');
    this.needsFloor = config.get('MATCH_NEEDS_FLOOR');
    this.researchersFloor = config.get('MATCH_RESEARCHERS_FLOOR');
    this.autoApproveScore = config.optional('MATCH_AUTO_APPROVE_SCORE') ?? null;
    this.reviewHours = config.get('REVIEW_DEADLINE_HOURS');
  }
}

export function parseWeights(spec: string): Weights {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split(':').map((p) => p.trim());
    if (!(FEATURE_NAMES as readonly string[]).includes(name)) {
      throw new Error(`MATCH_WEIGHTS: unknown feature "${name}" (known: ${FEATURE_NAMES.join(', ')})`);
    }
    weights[name as keyof Weights] = Number(value);
  }
  validateWeights(weights);
  return weights;
}
