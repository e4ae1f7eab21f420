import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { achievementsForMatching, type Need } from '@kuaizhuan/catalog';
import { listingQuality } from '../core/features';
import type { AchievementProfile, NeedProfile, Trl } from '../core/types';
import type { FieldTree } from './field-tree';

function money(value: string | null): Decimal | null {
  return value === null ? null : new Decimal(value);
}

function trl(value: number | null): Trl | null {
  return value !== null && value >= 1 && value <= 9 ? (value as Trl) : null;
}

/** Earlier answers to recommendations of an achievement. */
interface FeedbackRow {
  id: string;
  interested: number;
  declined: number;
  rejected: number;
}

/** The need as the matcher sees it. */
export function needProfile(need: Need, tree: FieldTree): NeedProfile {
  const { fieldCodes, categoryCodes } = tree.split(need.fieldCodes);
  return {
    id: need.id,
    orgId: need.orgId,
    keywords: need.keywords,
    fieldCodes,
    categoryCodes,
    desiredTrl: trl(need.minTrl),
    budget: { min: money(need.budgetMin), max: money(need.budgetMax) },
    modes: need.cooperationModes,
    regionCode: need.regionCode,
  };
}

/** Reads achievements with what the features need: owner region, researchers, earlier answers. */
@Injectable()
export class AchievementProfiles {
  constructor(private readonly dataSource: DataSource) {}

  async load(ids: readonly string[], tree: FieldTree): Promise<Map<string, AchievementProfile>> {
    if (ids.length === 0) return new Map();
    // The listing from catalog's door; the earlier answers from matching's own recommendations.
    const rows = await achievementsForMatching(this.dataSource.manager, ids);
    const answers: FeedbackRow[] = await this.dataSource.query(
      `SELECT r.achievement_id AS id,
              count(*) FILTER (WHERE r.company_answer = 'interested')::int AS interested,
              count(*) FILTER (WHERE r.company_answer = 'declined')::int AS declined,
              count(*) FILTER (WHERE r.status = 'rejected' AND r.reject_reason = 'not_relevant')::int AS rejected
         FROM recommendation r WHERE r.achievement_id = ANY($1)
        GROUP BY r.achievement_id`,
      [ids],
    );
    const feedback = new Map(answers.map((row) => [row.id, row]));
    const out = new Map<string, AchievementProfile>();
    for (const row of rows) {
      const answered = feedback.get(row.id);
      out.set(row.id, {
        id: row.id,
        orgId: row.orgId,
        title: row.title,
        keywords: row.keywords,
        text: `${row.title} ${row.summary} ${row.applicationScenarios} ${row.keywords.join(' ')}`.toLowerCase(),
        fieldCodes: row.fieldCodes,
        categoryCodes: tree.categoriesOf(row.fieldCodes),
        trl: trl(row.trl),
        price: { min: money(row.priceMin), max: money(row.priceMax) },
        modes: row.transferModes,
        regionCode: row.region,
        publishedAt: row.publishedAt ?? row.updatedAt,
        quality: listingQuality({
          summaryLength: row.summary.length,
          keywordCount: row.keywords.length,
          hasScenarios: row.applicationScenarios.trim() !== '',
          hasAdvantages: row.advantages.trim() !== '',
          hasIp: row.ipType !== null,
          hasPrice: row.priceMin !== null || row.priceMax !== null,
          hasTrl: row.trl !== null,
          researcherCount: row.researchers,
        }),
        feedback: {
          interested: answered?.interested ?? 0,
          declined: answered?.declined ?? 0,
          rejected: answered?.rejected ?? 0,
        },
      });
    }
    return out;
  }
}
