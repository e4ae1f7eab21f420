import { Injectable } from '@nestjs/common';
import type { SearchFilters } from '@kuaizhuan/platform';
import type { Need } from '@kuaizhuan/catalog';
import { inferFieldDistribution, likelyFields } from '../core/field-inference';
import { rankForNeed } from '../core/score';
import type { Candidate, ScoredCandidate } from '../core/types';
import { MatchingSettings } from './matching-settings';
import { FieldTreeSource, type FieldTree } from './field-tree';
import { AchievementProfiles, needProfile } from './profiles';
import { TextRetrieval, type RetrievedHit } from './text-retrieval';

/** What a need is looked up by: all its text a company wrote, public or not (it never leaves the platform). */
export function needQueryText(need: Need): string {
  return [need.title, need.summary, need.description, need.problem, need.indicators, need.keywords.join(' ')]
    .filter((part) => part && part.trim() !== '')
    .join('\n');
}

export interface NeedMatches {
  needId: string;
  results: (ScoredCandidate & { achievementOrgId: string })[];
  /** How many candidates the search index gave the ranking. */
  candidates: number;
}

/**
 * Finds and ranks achievements for a need: candidates for its text (and its rarest words) from
 * the search index with the hard filters, scored by the platform's own term statistics; a
 * second look inside the fields the best hits point to; then the pure ranking.
 */
@Injectable()
export class NeedMatcher {
  constructor(
    private readonly retrieval: TextRetrieval,
    private readonly fields: FieldTreeSource,
    private readonly profiles: AchievementProfiles,
    private readonly settings: MatchingSettings,
  ) {}

  async match(need: Need): Promise<NeedMatches> {
    const tree = await this.fields.get();
    const profile = needProfile(need, tree);
    const prepared = await this.retrieval.prepare(needQueryText(need), 'achievement');
    const filters: SearchFilters = {
      status: ['published'],
      excludeOwnerOrgIds: [need.orgId],
    };
    if (need.cooperationModes.length > 0) filters.transferModes = need.cooperationModes;

    const first = await this.retrieval.find(prepared, filters, this.settings.candidates);
    const hits = new Map<string, RetrievedHit>(first.map((found) => [found.hit.id, found]));

    if (profile.fieldCodes.length === 0) {
      const distribution = inferFieldDistribution(
        first.map((found) => this.asCandidate(found, tree)),
        profile.categoryCodes,
        this.settings.votingHits,
      );
      const likely = likelyFields(distribution, 0.8, 3);
      if (likely.length > 0) {
        const second = await this.retrieval.find(
          prepared,
          { ...filters, fieldCodes: likely },
          this.settings.fieldCandidates,
        );
        for (const found of second) if (!hits.has(found.hit.id)) hits.set(found.hit.id, found);
      }
    }

    const loaded = await this.profiles.load([...hits.keys()], tree);
    const candidates: Candidate[] = [];
    for (const [id, found] of hits) {
      const achievement = loaded.get(id);
      if (achievement) candidates.push({ achievement, ...textOf(found) });
    }
    const results = rankForNeed(profile, candidates, {
      weights: this.settings.weights,
      intercept: this.settings.intercept,
      topK: this.settings.topK,
      floor: this.settings.floor,
      votingHits: this.settings.votingHits,
      fieldName: (code: string) => tree.name(code),
    });
    return {
      needId: need.id,
      results: results.map((r) => ({ ...r, achievementOrgId: loaded.get(r.achievementId)!.orgId })),
      candidates: candidates.length,
    };
  }

  /** A search hit as a ranking candidate, from the document alone (enough for field votes). */
  private asCandidate(found: RetrievedHit, tree: FieldTree): Candidate {
    const { hit } = found;
    const fieldCodes = hit.document.fieldCodes ?? [];
    return {
      ...textOf(found),
      achievement: {
        id: hit.id,
        orgId: hit.document.ownerOrgId,
        title: hit.document.title,
        keywords: [],
        text: '',
        fieldCodes,
        categoryCodes: tree.categoriesOf(fieldCodes),
        trl: null,
        price: { min: null, max: null },
        modes: [],
        regionCode: null,
        publishedAt: new Date(0),
        quality: 0,
        feedback: { interested: 0, declined: 0, rejected: 0 },
      },
    };
  }
}

/** What the ranking reads of a retrieved hit's text. */
export function textOf(found: RetrievedHit): Pick<Candidate, 'textScore' | 'coverage' | 'sharedWords'> {
  return { textScore: found.match.bm25, coverage: found.match.coverage, sharedWords: found.match.shared };
}
