/** Shapes of the open challenges API (揭榜挂帅) as the portal reads them. */
export type ChallengeForm = 'licence' | 'transfer' | 'joint_development';
export type ChallengePhase = 'accepting' | 'judging' | 'decided';
export type ChallengeStatus = 'open' | 'awarded' | 'unawarded';
export type ProposalStatus = 'submitted' | 'shortlisted' | 'withdrawn' | 'declined' | 'won';
export type DeclineReason =
  | 'criteria_not_met'
  | 'price_too_high'
  | 'timeline_too_long'
  | 'maturity_too_low'
  | 'other_proposal_better'
  | 'no_award'
  | 'other';

export const CHALLENGE_FORMS: readonly ChallengeForm[] = ['licence', 'transfer', 'joint_development'];
/** The reasons a company picks from when it declines a proposal (no_award is the platform's own). */
export const DECLINE_REASONS: readonly DeclineReason[] = [
  'criteria_not_met',
  'price_too_high',
  'timeline_too_long',
  'maturity_too_low',
  'other_proposal_better',
  'other',
];

export interface Criterion {
  name: string;
  weight: number;
}

export interface Challenge {
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
  deadline: string;
  extended: boolean;
  forms: ChallengeForm[];
  criteria: Criterion[];
  milestones: { title: string; deliverable: string }[];
  status: ChallengeStatus;
  phase: ChallengePhase;
  proposalCount: number;
  publishedAt: string;
}

export interface ProposedMilestone {
  title: string;
  dueOn: string;
  amount: string;
}

export interface ProposalVersion {
  version: number;
  researchers: { id: string; name: string }[];
  approach: string;
  milestones: ProposedMilestone[];
  price: string;
  form: ChallengeForm;
  maturity: string;
  createdAt: string;
}

export type ProposalCapacity = 'company' | 'manager' | 'author';

export interface Proposal {
  id: string;
  challengeId: string;
  challengeTitle: string;
  orgId: string;
  organisationName: string;
  achievementId: string;
  achievementTitle: string;
  status: ProposalStatus;
  currentVersion: number;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  versions: ProposalVersion[];
  attachments: { id: string; fileName: string; size: number }[];
  scores: { criterion: string; score: number; scoredBy: string }[];
  weightedScore: number | null;
  dealId: string | null;
  capacity: ProposalCapacity;
}

export interface ProposalsOfChallenge {
  capacity: ProposalCapacity | null;
  items: Proposal[];
}

export interface ProposalInput {
  achievementId?: string;
  researcherIds: string[];
  approach: string;
  milestones: ProposedMilestone[];
  price: string;
  form: ChallengeForm;
  maturity: string;
}
