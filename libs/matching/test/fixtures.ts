import request from 'supertest';
import type { DataSource } from 'typeorm';
import { as, publishedAchievement, publishedNeed, type Accounts } from '../../catalog/test/fixtures';
import { eventually } from '../../../test/support/apps';
import { awaitIndexed as awaitIndexedOnEngine } from '../../../test/support/search';
import type { HttpTarget, SignedIn } from '../../../test/support/auth';

export interface RecommendationRow {
  id: string;
  need_id: string;
  achievement_id: string;
  status: string;
  reviewer_id: string | null;
  score: number;
}

export function recommendationsOf(dataSource: DataSource, needId: string): Promise<RecommendationRow[]> {
  return dataSource.query(
    `SELECT id, need_id, achievement_id, status, reviewer_id, score FROM recommendation
      WHERE need_id = $1 ORDER BY score DESC, id`,
    [needId],
  );
}

/** Waits until the matcher wrote at least `count` recommendations for the need. */
export function awaitRecommendations(
  dataSource: DataSource,
  needId: string,
  count: number,
  timeoutMs = 30_000,
): Promise<RecommendationRow[]> {
  return eventually(
    async () => {
      const rows = await recommendationsOf(dataSource, needId);
      return rows.length >= count ? rows : undefined;
    },
    timeoutMs,
    `${count} recommendations for need ${needId}`,
  );
}

/** Waits until the search index holds these catalogue rows (the matcher finds only indexed ones). */
export async function awaitIndexed(dataSource: DataSource, ids: string[]): Promise<void> {
  await awaitIndexedOnEngine(dataSource, ids);
}

export interface Catalogue {
  /** The TTO's magnesium alloy achievement (the catalogue fixture's default), with two researchers. */
  magnesium: string;
  /** The other TTO's aluminium die-casting achievement. */
  aluminium: string;
  researcherIds: string[];
}

/** Two researchers of the TTO, created through the api, with contacts only a connection reveals. */
async function createResearchers(http: HttpTarget, tto: SignedIn): Promise<string[]> {
  const people = [
    {
      name: '张伟',
      title: '教授',
      researchAreas: ['镁合金', '轧制'],
      email: 'zhang.wei@cqu.example',
      phone: '13800000001',
    },
    { name: '刘洋', title: '副教授', researchAreas: ['轻量化'], email: 'liu.yang@cqu.example', phone: '13800000002' },
  ];
  const ids: string[] = [];
  for (const person of people) {
    const created = await request(http)
      .post('/api/researchers')
      .set(as(tto))
      .send({ ...person, institutionName: '重庆大学材料科学与工程学院', fieldCodes: ['light-alloy'] })
      .expect(201);
    ids.push((created.body as { id: string }).id);
  }
  return ids;
}

/** Publishes two light-alloy achievements (one per TTO) and waits until they are indexed. */
export async function publishCatalogue(
  http: HttpTarget,
  dataSource: DataSource,
  accounts: Accounts,
): Promise<Catalogue> {
  const researcherIds = await createResearchers(http, accounts.tto);
  const magnesium = await publishedAchievement(http, accounts.tto, accounts.admin, { researcherIds });
  const aluminium = await publishedAchievement(http, accounts.otherTto, accounts.admin, {
    externalRef: 'SWU-1',
    title: '铝合金电池包壳体一体化压铸技术',
    summary: '新能源汽车电池包壳体采用铝合金一体化压铸，实现轻量化与结构集成。',
    keywords: ['铝合金', '压铸', '电池包'],
  });
  await awaitIndexed(dataSource, [magnesium, aluminium]);
  return { magnesium, aluminium, researcherIds };
}

/** A published need (the catalogue fixture's battery-pack need unless overridden) and its recommendations. */
export async function needWithRecommendations(
  http: HttpTarget,
  dataSource: DataSource,
  accounts: Accounts,
  owner: Accounts['enterprise'],
  overrides: Record<string, unknown> = {},
): Promise<{ needId: string; recommendations: RecommendationRow[] }> {
  const needId = await publishedNeed(http, owner, accounts.admin, overrides);
  const recommendations = await awaitRecommendations(dataSource, needId, 2);
  return { needId, recommendations };
}
