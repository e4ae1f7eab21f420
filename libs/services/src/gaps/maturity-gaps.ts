import { Injectable } from '@nestjs/common';
import { achievementsForMatching, needFacts } from '@kuaizhuan/catalog';
import { DataSource } from 'typeorm';
import {
  maturityGap,
  type GapAchievement,
  type GapNeed,
  type GapService,
  type MaturityGap,
} from '../domain/maturity-gap';

/** A need and an achievement recommended for it, named by the caller's key (a recommendation id). */
export interface GapPair {
  key: string;
  needId: string;
  achievementId: string;
}

/**
 * The maturity gaps of recommendations, with the verified platforms' active services that bridge
 * them: the listings' facts and the services are read here, the proposals made by the pure module.
 */
@Injectable()
export class MaturityGaps {
  constructor(private readonly dataSource: DataSource) {}

  /** Each pair's gap by key; null where the achievement is mature enough or a level is unknown. */
  async between(pairs: readonly GapPair[]): Promise<Map<string, MaturityGap | null>> {
    const out = new Map<string, MaturityGap | null>();
    if (pairs.length === 0) return out;
    const needs = await this.needs([...new Set(pairs.map((p) => p.needId))]);
    const achievements = await this.achievements([...new Set(pairs.map((p) => p.achievementId))]);
    const gapped = pairs.filter((p) => {
      const need = needs.get(p.needId);
      const achievement = achievements.get(p.achievementId);
      return need && achievement && achievement.trl !== null && need.minTrl !== null && achievement.trl < need.minTrl;
    });
    const services = gapped.length > 0 ? await this.services() : [];
    for (const pair of pairs) {
      const need = needs.get(pair.needId);
      const achievement = achievements.get(pair.achievementId);
      out.set(pair.key, need && achievement ? maturityGap(need, achievement, services) : null);
    }
    return out;
  }

  private async needs(ids: string[]): Promise<Map<string, GapNeed>> {
    const needs = await needFacts(this.dataSource.manager, ids);
    return new Map(
      [...needs.values()].map((n) => [n.id, { minTrl: n.minTrl, fieldCodes: n.fieldCodes, regionCode: n.regionCode }]),
    );
  }

  private async achievements(ids: string[]): Promise<Map<string, GapAchievement>> {
    const rows = await achievementsForMatching(this.dataSource.manager, ids);
    return new Map(rows.map((a) => [a.id, { trl: a.trl, fieldCodes: a.fieldCodes, regionCode: a.region }]));
  }

  /** Every active service of a verified platform (a few hundred at most across a province). */
  private services(): Promise<GapService[]> {
    return this.dataSource.query(
      `SELECT s.id AS "serviceId", s.title, p.id AS "platformId", p.name AS "platformName", p.kinds::text[] AS kinds,
              s.field_codes AS "fieldCodes", s.trl_from AS "trlFrom", s.trl_to AS "trlTo",
              coalesce(s.region_code, p.region_code) AS "regionCode", s.price_min::text AS "priceMin",
              s.price_max::text AS "priceMax", s.lead_time_days AS "leadTimeDays"
         FROM platform_service s JOIN service_platform p ON p.id = s.platform_id
        WHERE s.active AND p.status = 'verified'
        ORDER BY s.id`,
    );
  }
}
