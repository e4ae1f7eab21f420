import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import type { Need } from '@kuaizhuan/catalog';
import { listingQuality } from '../core/features';
import type { AchievementProfile, CooperationMode, NeedProfile, Trl } from '../core/types';
import type { FieldTree } from './field-tree';

function money(value: string | null): Decimal | null {
  return value === null ? null : new Decimal(value);
}

function trl(value: number | null): Trl | null {
  return value !== null && value >= 1 && value <= 9 ? (value as Trl) : null;
}

interface AchievementRow {
  id: string;
  org_id: string;
  title: string;
  summary: string;
  application_scenarios: string;
  advantages: string;
  keywords: string[];
  field_codes: string[];
  ip_type: string | null;
  trl: number | null;
  transfer_modes: CooperationMode[];
  price_min: string | null;
  price_max: string | null;
  published_at: Date | null;
  updated_at: Date;
  region: string | null;
  researchers: number;
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
    const rows: AchievementRow[] = await this.dataSource.query(
      `SELECT a.id, a.org_id, a.title, a.summary, a.application_scenarios, a.advantages, a.keywords,
              a.field_codes, a.ip_type, a.trl, a.transfer_modes::text[] AS transfer_modes,
              a.price_min, a.price_max, a.published_at, a.updated_at, o.region,
              (SELECT count(*)::int FROM achievement_researcher ar WHERE ar.achievement_id = a.id) AS researchers,
              coalesce(f.interested, 0) AS interested, coalesce(f.declined, 0) AS declined,
              coalesce(f.rejected, 0) AS rejected
         FROM achievement a
         JOIN organisation o ON o.id = a.org_id
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE r.company_answer = 'interested')::int AS interested,
                  count(*) FILTER (WHERE r.company_answer = 'declined')::int AS declined,
                  count(*) FILTER (WHERE r.status = 'rejected' AND r.reject_reason = 'not_relevant')::int AS rejected
             FROM recommendation r WHERE r.achievement_id = a.id
         ) f ON true
        WHERE a.id = ANY($1)`,
      [ids],
    );
    const out = new Map<string, AchievementProfile>();
    for (const row of rows) {
      out.set(row.id, {
        id: row.id,
        orgId: row.org_id,
        title: row.title,
        keywords: row.keywords,
        text: `${row.title} ${row.summary} ${row.application_scenarios} ${row.keywords.join(' ')}`.toLowerCase(),
        fieldCodes: row.field_codes,
        categoryCodes: tree.categoriesOf(row.field_codes),
        trl: trl(row.trl),
        price: { min: money(row.price_min), max: money(row.price_max) },
        modes: row.transfer_modes,
        regionCode: row.region,
        publishedAt: row.published_at ?? row.updated_at,
        quality: listingQuality({
          summaryLength: row.summary.length,
          keywordCount: row.keywords.length,
          hasScenarios: row.application_scenarios.trim() !== '',
          hasAdvantages: row.advantages.trim() !== '',
          hasIp: row.ip_type !== null,
          hasPrice: row.price_min !== null || row.price_max !== null,
          hasTrl: row.trl !== null,
          researcherCount: row.researchers,
        }),
        feedback: { interested: row.interested, declined: row.declined, rejected: row.rejected },
      });
    }
    return out;
  }
}
