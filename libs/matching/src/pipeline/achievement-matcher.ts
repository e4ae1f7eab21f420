import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { SearchDocument, SearchFilters } from '@kuaizhuan/platform';
import { CatalogIndexer, Need, type Achievement } from '@kuaizhuan/catalog';
import { rankForAchievement, type NeedCandidate, type ScoredNeed } from '../core/score';
import { FieldTreeSource } from './field-tree';
import { MatchingSettings } from './matching-settings';
import { needQueryText } from './need-matcher';
import { AchievementProfiles, needProfile } from './profiles';
import { TextRetrieval } from './text-retrieval';

export interface AchievementMatches {
  achievementId: string;
  results: (ScoredNeed & { needOrgId: string })[];
}

/** The reverse direction: open needs a published achievement fits, from the search index. */
@Injectable()
export class AchievementMatcher {
  constructor(
    private readonly retrieval: TextRetrieval,
    private readonly indexer: CatalogIndexer,
    private readonly dataSource: DataSource,
    private readonly fields: FieldTreeSource,
    private readonly profiles: AchievementProfiles,
    private readonly settings: MatchingSettings,
  ) {}

  async match(achievement: Achievement): Promise<AchievementMatches> {
    const tree = await this.fields.get();
    const profile = (await this.profiles.load([achievement.id], tree)).get(achievement.id);
    if (!profile) return { achievementId: achievement.id, results: [] };
    const text = [
      achievement.title,
      achievement.summary,
      achievement.applicationScenarios,
      achievement.keywords.join(' '),
    ]
      .filter((part) => part.trim() !== '')
      .join('\n');
    const filters: SearchFilters = { status: ['published'], excludeOwnerOrgIds: [achievement.orgId] };
    if (achievement.transferModes.length > 0) filters.transferModes = achievement.transferModes;
    const found = await this.retrieval.find(
      await this.retrieval.prepare(text, 'need'),
      filters,
      this.settings.candidates,
    );
    const needs = await this.dataSource
      .getRepository(Need)
      .findBy({ id: In(found.map((f) => f.hit.id)), status: 'published' });
    const byId = new Map(needs.map((need) => [need.id, need]));
    // Each need is judged as in need → achievements: how much of the need's wording this achievement
    // holds, words weighed by their rarity among achievements, so a pair scores the same both ways.
    const asAchievement = await this.asDocument(achievement.id);
    const needsFound = found.map((f) => byId.get(f.hit.id)).filter((need): need is Need => need !== undefined);
    const candidates: NeedCandidate[] = [];
    if (asAchievement) {
      const texts = await this.retrieval.prepareMany(needsFound.map(needQueryText), 'achievement');
      texts.forEach((needText, i) => {
        const match = this.retrieval.score(needText, asAchievement);
        candidates.push({
          need: needProfile(needsFound[i], tree),
          textScore: match.bm25,
          coverage: match.coverage,
          sharedWords: match.shared,
        });
      });
    }
    const results = rankForAchievement(profile, candidates, {
      weights: this.settings.weights,
      intercept: this.settings.intercept,
      topK: this.settings.topK,
      floor: this.settings.needsFloor,
      fieldName: (code: string) => tree.name(code),
    });
    return {
      achievementId: achievement.id,
      results: results.map((r) => ({ ...r, needOrgId: byId.get(r.needId)!.orgId })),
    };
  }

  /** The achievement as the index sees it, so its words are counted as the statistics count them. */
  private async asDocument(id: string): Promise<SearchDocument | undefined> {
    const [document] = await this.indexer.documents('achievement', [id]);
    return document;
  }
}
