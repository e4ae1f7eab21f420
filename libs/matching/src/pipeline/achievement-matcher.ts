import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { SearchIndex, type SearchFilters } from '@kuaizhuan/platform';
import { Need, type Achievement } from '@kuaizhuan/catalog';
import { rankForAchievement, type NeedCandidate, type ScoredNeed } from '../core/score';
import { FieldTreeSource } from './field-tree';
import { MatchingSettings } from './matching-settings';
import { AchievementProfiles, needProfile } from './profiles';

export interface AchievementMatches {
  achievementId: string;
  results: (ScoredNeed & { needOrgId: string })[];
}

/** The reverse direction: open needs a published achievement fits, from the search index. */
@Injectable()
export class AchievementMatcher {
  constructor(
    private readonly search: SearchIndex,
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
    const filters: SearchFilters = { kinds: ['need'], status: ['published'], excludeOwnerOrgIds: [achievement.orgId] };
    if (achievement.transferModes.length > 0) filters.transferModes = achievement.transferModes;
    const found = await this.search.search({ text, filters, limit: this.settings.candidates });
    const needs = await this.dataSource
      .getRepository(Need)
      .findBy({ id: In(found.hits.map((hit) => hit.id)), status: 'published' });
    const byId = new Map(needs.map((need) => [need.id, need]));
    const candidates: NeedCandidate[] = [];
    for (const hit of found.hits) {
      const need = byId.get(hit.id);
      if (need) candidates.push({ need: needProfile(need, tree), textScore: hit.score });
    }
    const results = rankForAchievement(profile, candidates, {
      weights: this.settings.weights,
      topK: this.settings.topK,
      floor: this.settings.floor,
      fieldName: (code: string) => tree.name(code),
    });
    return {
      achievementId: achievement.id,
      results: results.map((r) => ({ ...r, needOrgId: byId.get(r.needId)!.orgId })),
    };
  }
}
