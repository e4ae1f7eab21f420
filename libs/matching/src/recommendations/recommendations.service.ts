import { Injectable } from '@nestjs/common';
import {
  achievementFacts,
  achievementView,
  activeResearchers,
  isOwnAchievement,
  isOwnNeed,
  needFacts,
  needForInstitution,
  researchersOf,
  wholeNeed,
  type AchievementView,
  type ConfidentialNeedView,
  type NeedView,
  type ResearcherView,
} from '@kuaizhuan/catalog';
import { organisationNames } from '@kuaizhuan/identity';
import { NotFoundError } from '@kuaizhuan/platform';
import { MaturityGaps, type MaturityGap } from '@kuaizhuan/services';
import { DataSource } from 'typeorm';
import type { FeatureValue } from '../core/types';
import type { Answer, DeclineReason, RecommendationStatus } from '../domain/recommendation-status';
import { SHOWN_TO_SIDES, statusesFor, transition } from './lifecycle';
import { featuresFor, type ShownFeature } from './views';

/** What both sides see of a recommendation's progress. */
interface Progress {
  id: string;
  status: RecommendationStatus;
  score: number;
  deliveredAt: Date | null;
  /** Each side sees whether the other answered and how, not its reason or note. */
  companyAnswer: Answer | null;
  institutionAnswer: Answer | null;
  connectedAt: Date | null;
  /** Set once both sides are interested: GET /api/connections/:id shows the contacts. */
  connectionId: string | null;
}

export interface OwnAnswer {
  reason: DeclineReason | null;
  note: string | null;
  answeredAt: Date | null;
}

/** A recommended achievement, as the company that owns the need sees it. */
export interface CompanyRecommendation extends Progress {
  viewedAt: Date | null;
  features: ShownFeature[];
  achievement: AchievementView;
  /** The researchers behind the achievement: names, titles and areas; contacts only once connected. */
  researchers: ResearcherView[];
  answer: OwnAnswer;
  /** When the achievement is less mature than the need asks: the gap and the platforms that bridge it. */
  maturityGap: MaturityGap | null;
}

/** A researcher matched to the need by research area, besides those behind the achievements. */
export interface ResearcherMatchView {
  score: number;
  features: FeatureValue[];
  researcher: ResearcherView & { organisation: { id: string; name: string } };
}

/**
 * Where the need's matching stands, for the words the company sees beside the list:
 * `matching` — not matched yet; `nothing_fits` — matched, and nothing cleared the floor (it is
 * matched again whenever a listing is published, and pushed when one fits); `in_review` —
 * recommendations wait for a manager; `shown` — some are shown.
 */
export type NeedMatchState = 'matching' | 'nothing_fits' | 'in_review' | 'shown';

export interface NeedRecommendations {
  needId: string;
  matchState: NeedMatchState;
  items: CompanyRecommendation[];
  researcherMatches: ResearcherMatchView[];
}

/** A need the achievement was recommended for, as the TTO sees it. */
export interface InstitutionRecommendation extends Progress {
  features: ShownFeature[];
  need: NeedView | ConfidentialNeedView;
  answer: OwnAnswer;
  /** When the achievement is less mature than the need asks: the gap and the platforms that bridge it. */
  maturityGap: MaturityGap | null;
}

export interface AchievementRecommendations {
  achievementId: string;
  items: InstitutionRecommendation[];
}

interface CompanyRow extends Progress {
  viewedAt: Date | null;
  features: FeatureValue[];
  achievementId: string;
  reason: DeclineReason | null;
  note: string | null;
  answeredAt: Date | null;
}

interface InstitutionRow extends Progress {
  features: FeatureValue[];
  needId: string;
  reason: DeclineReason | null;
  note: string | null;
  answeredAt: Date | null;
}

const PROGRESS = `r.id, r.status, r.score, r.delivered_at AS "deliveredAt", r.company_answer AS "companyAnswer",
  r.institution_answer AS "institutionAnswer", r.connected_at AS "connectedAt", c.id AS "connectionId"`;

/** `view` moves a delivered recommendation to viewed. */
const VIEW_TO = transition('delivered', 'view');

/**
 * What each side is shown: the company the achievements recommended for its need (and the
 * researchers behind them); the TTO the needs its achievement was recommended for. Only what
 * was delivered, only to the owning organisation: anyone else gets a 404.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gaps: MaturityGaps,
  ) {}

  /** The company's view of its need's recommendations; the first read marks them viewed. */
  async forNeed(orgId: string, needId: string): Promise<NeedRecommendations> {
    await this.ownedOrNotFound('need', orgId, needId);
    await this.markViewed(orgId, needId);
    const db = this.dataSource.manager;
    const found: CompanyRow[] = await db.query(
      `SELECT ${PROGRESS}, r.viewed_at AS "viewedAt", r.features, r.achievement_id AS "achievementId",
              r.company_reason AS reason, r.company_note AS note, r.company_answered_at AS "answeredAt"
         FROM recommendation r
         LEFT JOIN connection c ON c.recommendation_id = r.id
        WHERE r.need_id = $1 AND r.need_org_id = $2 AND r.status = ANY($3::recommendation_status[])
        ORDER BY r.score DESC, r.id`,
      [needId, orgId, SHOWN_TO_SIDES],
    );
    const need = (await needFacts(db, [needId])).get(needId);
    const achievementIds = found.map((row) => row.achievementId);
    const achievements = await achievementFacts(db, achievementIds);
    const researchers = await researchersOf(db, achievementIds);
    const rows = need ? found.filter((row) => achievements.has(row.achievementId)) : [];
    const researcherMatches = await this.researcherMatches(needId);
    const gaps = await this.gaps.between(
      rows.map((row) => ({ key: row.id, needId, achievementId: row.achievementId })),
    );
    return {
      needId,
      matchState: rows.length > 0 ? 'shown' : await this.matchState(needId),
      items: rows.map(({ features, achievementId, reason, note, answeredAt, ...rest }) => ({
        ...rest,
        features: featuresFor('company', features, need!.confidentiality),
        achievement: achievementView(achievements.get(achievementId)!),
        researchers: researchers.get(achievementId) ?? [],
        answer: { reason, note, answeredAt },
        maturityGap: gaps.get(rest.id) ?? null,
      })),
      researcherMatches,
    };
  }

  /** The TTO's view of the needs its achievement was recommended for. */
  async forAchievement(orgId: string, achievementId: string): Promise<AchievementRecommendations> {
    await this.ownedOrNotFound('achievement', orgId, achievementId);
    const db = this.dataSource.manager;
    const found: InstitutionRow[] = await db.query(
      `SELECT ${PROGRESS}, r.features, r.need_id AS "needId",
              r.institution_reason AS reason, r.institution_note AS note, r.institution_answered_at AS "answeredAt"
         FROM recommendation r
         LEFT JOIN connection c ON c.recommendation_id = r.id
        WHERE r.achievement_id = $1 AND r.achievement_org_id = $2 AND r.status = ANY($3::recommendation_status[])
        ORDER BY r.score DESC, r.id`,
      [achievementId, orgId, SHOWN_TO_SIDES],
    );
    const needs = await needFacts(
      db,
      found.map((row) => row.needId),
    );
    const achievementShown = (await achievementFacts(db, [achievementId])).has(achievementId);
    const rows = achievementShown
      ? found.flatMap(({ needId, ...row }) => {
          const need = needs.get(needId);
          return need ? [{ ...row, need }] : [];
        })
      : [];
    // A summary_only need keeps its required maturity and region to itself until the sides connect.
    const open = rows.filter((row) => row.connectionId !== null || row.need.confidentiality === 'public');
    const gaps = await this.gaps.between(open.map((row) => ({ key: row.id, needId: row.need.id, achievementId })));
    return {
      achievementId,
      items: rows.map(({ features, need, reason, note, answeredAt, ...rest }) => {
        // Once connected the company has opened up: its need is shown whole.
        const connected = rest.connectionId !== null;
        return {
          ...rest,
          features: featuresFor('institution', features, connected ? 'public' : need.confidentiality),
          need: connected ? wholeNeed(need) : needForInstitution(need),
          answer: { reason, note, answeredAt },
          maturityGap: gaps.get(rest.id) ?? null,
        };
      }),
    };
  }

  private async ownedOrNotFound(kind: 'need' | 'achievement', orgId: string, id: string): Promise<void> {
    const owned = kind === 'need' ? isOwnNeed : isOwnAchievement;
    if (!(await owned(this.dataSource.manager, orgId, id))) throw new NotFoundError(`No ${kind} ${id}`);
  }

  /** Sets viewed_at on the first read, and moves delivered ones to viewed. */
  private async markViewed(orgId: string, needId: string): Promise<void> {
    if (!VIEW_TO.ok) throw new Error('the lifecycle no longer lets a delivered recommendation be viewed');
    await this.dataSource.query(
      `UPDATE recommendation
          SET viewed_at = now(), updated_at = now(),
              status = CASE WHEN status = ANY($4::recommendation_status[]) THEN $5::recommendation_status ELSE status END
        WHERE need_id = $1 AND need_org_id = $2 AND viewed_at IS NULL AND status = ANY($3::recommendation_status[])`,
      [needId, orgId, SHOWN_TO_SIDES, statusesFor('view'), VIEW_TO.to],
    );
  }

  /**
   * The state of a need none of whose recommended achievements is shown yet (see NeedMatchState);
   * experts matched by research area may be shown beside the words.
   */
  private async matchState(needId: string): Promise<NeedMatchState> {
    const [row]: { matched: boolean; pending: number }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM match_run WHERE subject_kind = 'need' AND subject_id = $1) AS matched,
              (SELECT count(*)::int FROM recommendation WHERE need_id = $1 AND status = 'pending_review') AS pending`,
      [needId],
    );
    if (row.pending > 0) return 'in_review';
    return row.matched ? 'nothing_fits' : 'matching';
  }

  private async researcherMatches(needId: string): Promise<ResearcherMatchView[]> {
    const db = this.dataSource.manager;
    const matches: { score: number; features: FeatureValue[]; researcherId: string }[] = await db.query(
      `SELECT m.score, m.features, m.researcher_id AS "researcherId"
         FROM researcher_match m
        WHERE m.need_id = $1 AND m.current
        ORDER BY m.score DESC, m.researcher_id`,
      [needId],
    );
    const researchers = await activeResearchers(
      db,
      matches.map((m) => m.researcherId),
    );
    const organisations = await organisationNames(
      db,
      [...researchers.values()].map((r) => r.orgId),
    );
    return matches.flatMap(({ score, features, researcherId }) => {
      const found = researchers.get(researcherId);
      const name = found && organisations.get(found.orgId);
      if (!found || name === undefined) return [];
      const { orgId, ...researcher } = found;
      return [{ score, features, researcher: { ...researcher, organisation: { id: orgId, name } } }];
    });
  }
}
