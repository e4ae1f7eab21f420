import { acceptsProposals, type ChallengeForm, type ChallengeStatus, type Criterion } from '../domain/challenge-rules';
import type { BoardPhase } from '../http/challenge.dto';
import type { Challenge, ExpectedMilestone } from '../entities/challenge.entity';

/** A challenge as the public board shows it. */
export interface ChallengeView {
  id: string;
  title: string;
  description: string;
  sponsor: string | null;
  companyOrgId: string;
  companyName: string;
  needId: string | null;
  keywords: string[];
  fieldCodes: string[];
  rewardMin: string;
  rewardMax: string;
  deadline: Date;
  extended: boolean;
  forms: ChallengeForm[];
  criteria: Criterion[];
  milestones: ExpectedMilestone[];
  status: ChallengeStatus;
  phase: BoardPhase;
  /** Proposals in the running (not withdrawn); who sent them is never shown. */
  proposalCount: number;
  publishedAt: Date;
}

export function phaseOf(challenge: Pick<Challenge, 'status' | 'deadline'>, now: Date): BoardPhase {
  if (challenge.status !== 'open') return 'decided';
  return acceptsProposals(challenge.status, challenge.deadline, now) ? 'accepting' : 'judging';
}

/** The SELECT behind every challenge view: the row, its company's name and its proposal count. */
export const CHALLENGE_VIEW_SQL = `
  SELECT c.id, c.title, c.description, c.sponsor, c.company_org_id AS "companyOrgId", o.name AS "companyName",
         c.need_id AS "needId", c.keywords, c.field_codes AS "fieldCodes", c.reward_min AS "rewardMin",
         c.reward_max AS "rewardMax", c.deadline, c.extended_at IS NOT NULL AS extended, c.forms::text[] AS forms,
         c.criteria, c.milestones, c.status, c.published_at AS "publishedAt",
         (SELECT count(*)::int FROM proposal p WHERE p.challenge_id = c.id AND p.status <> 'withdrawn') AS "proposalCount"
    FROM challenge c JOIN organisation o ON o.id = c.company_org_id`;

export type ChallengeRow = Omit<ChallengeView, 'phase'>;

export function challengeView(row: ChallengeRow, now: Date): ChallengeView {
  return { ...row, phase: phaseOf(row, now) };
}
