import type { ChallengeForm, DeclineReason, ProposalStatus } from '../domain/challenge-rules';
import type { Capacity } from '../domain/challenge-access';
import type { ProposedMilestone } from '../entities/proposal.entity';

export interface ProposalVersionView {
  version: number;
  researchers: { id: string; name: string }[];
  approach: string;
  milestones: ProposedMilestone[];
  price: string;
  form: ChallengeForm;
  maturity: string;
  createdBy: string;
  createdAt: Date;
}

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

/** A proposal as its authors, the company and the assigned managers read it: every version kept. */
export interface ProposalView {
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
  /** The latest version first. */
  versions: ProposalVersionView[];
  attachments: AttachmentView[];
  /** Scores per criterion, each judge's; and the weighted score (0–10) over them. */
  scores: { criterion: string; score: number; scoredBy: string }[];
  weightedScore: number | null;
  /** The deal room the winning proposal opened. */
  dealId: string | null;
  capacity: Capacity;
  createdAt: Date;
  updatedAt: Date;
}
