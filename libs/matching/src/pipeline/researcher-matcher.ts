import { Injectable } from '@nestjs/common';
import type { Need } from '@kuaizhuan/catalog';
import { DataSource } from 'typeorm';
import { FieldTreeSource } from './field-tree';
import { MatchingSettings } from './matching-settings';
import { needQueryText } from './need-matcher';
import { rankResearchers, type ResearcherCandidate } from './researcher-score';
import { TextRetrieval } from './text-retrieval';

/** How many researchers a need keeps, and how many search hits are ranked for them. */
const TOP_RESEARCHERS = 5;
const RESEARCHER_CANDIDATES = 50;

export interface ResearcherMatchOutcome {
  /** Researchers ranked for the need now. */
  current: number;
  /** Researchers ranked before that no longer are. */
  retired: number;
}

interface ResearcherRow {
  id: string;
  org_id: string;
  title: string;
  profile: string;
  research_areas: string[];
  field_codes: string[];
}

/**
 * Researchers matched to a need directly by research area (besides those behind the recommended
 * achievements): searched by the need's text among other organisations' active researchers,
 * ranked, and stored as `researcher_match` rows — current for this match, no longer current for
 * those it does not rank. Safe to run twice.
 */
@Injectable()
export class ResearcherMatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retrieval: TextRetrieval,
    private readonly fields: FieldTreeSource,
    private readonly settings: MatchingSettings,
  ) {}

  async match(need: Need): Promise<ResearcherMatchOutcome> {
    const tree = await this.fields.get();
    const found = await this.retrieval.find(
      await this.retrieval.prepare(needQueryText(need), 'researcher'),
      { status: ['published'], excludeOwnerOrgIds: [need.orgId] },
      RESEARCHER_CANDIDATES,
    );
    const scores = new Map(found.map((f) => [f.hit.id, f.match]));
    const rows: ResearcherRow[] =
      scores.size === 0
        ? []
        : await this.dataSource.query(
            `SELECT id, org_id, title, profile, research_areas, field_codes FROM researcher
              WHERE id = ANY($1) AND active AND org_id <> $2`,
            [[...scores.keys()], need.orgId],
          );
    const candidates: ResearcherCandidate[] = rows.map((row) => ({
      id: row.id,
      orgId: row.org_id,
      researchAreas: row.research_areas,
      fieldCodes: row.field_codes,
      categoryCodes: tree.categoriesOf(row.field_codes),
      text: `${row.title} ${row.profile} ${row.research_areas.join(' ')}`.toLowerCase(),
      textScore: scores.get(row.id)?.bm25 ?? 0,
      coverage: scores.get(row.id)?.coverage ?? 0,
      sharedWords: scores.get(row.id)?.shared ?? [],
    }));
    const { fieldCodes, categoryCodes } = tree.split(need.fieldCodes);
    const ranked = rankResearchers({ keywords: need.keywords, fieldCodes, categoryCodes }, candidates, {
      topK: TOP_RESEARCHERS,
      floor: this.settings.researchersFloor,
      fieldName: (code: string) => tree.name(code),
    });

    return this.dataSource.transaction(async (manager) => {
      for (const match of ranked) {
        await manager.query(
          `INSERT INTO researcher_match (need_id, researcher_id, researcher_org_id, score, features, current)
           VALUES ($1, $2, $3, $4, $5::jsonb, true)
           ON CONFLICT ON CONSTRAINT researcher_match_pair DO UPDATE
              SET score = EXCLUDED.score, features = EXCLUDED.features, current = true, updated_at = now()`,
          [need.id, match.researcherId, match.orgId, match.score, JSON.stringify(match.features)],
        );
      }
      // For UPDATE the driver answers [rows, affected count].
      const [, retired]: [unknown[], number] = await manager.query(
        `UPDATE researcher_match SET current = false, updated_at = now()
          WHERE need_id = $1 AND current AND NOT (researcher_id = ANY($2::uuid[]))`,
        [need.id, ranked.map((r) => r.researcherId)],
      );
      return { current: ranked.length, retired };
    });
  }

  /** A need no longer published keeps its researcher matches, none of them current. */
  async retire(needId: string): Promise<number> {
    const [, retired]: [unknown[], number] = await this.dataSource.query(
      `UPDATE researcher_match SET current = false, updated_at = now() WHERE need_id = $1 AND current`,
      [needId],
    );
    return retired;
  }
}
