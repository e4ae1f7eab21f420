// Shapes of the records api: technology managers' records and the register of service inventions.

export interface ManagerFigures {
  userId: string;
  name: string;
  organisation: string;
  reviews: number;
  onTime: number;
  onTimePercent: string;
  approved: number;
  connected: number;
  signed: number;
  deals: number;
  turnover: string;
}

export interface ManagerYear extends Omit<ManagerFigures, 'userId' | 'name' | 'organisation'> {
  year: number;
  period: { from: string; to: string };
}

export interface ManagerRecord {
  userId: string;
  name: string;
  organisation: string;
  since: string;
  years: ManagerYear[];
  generatedAt: string;
}

export type DisposalKind = 'licence' | 'transfer' | 'equity' | 'rights_grant';

export interface Approval {
  approvedBy: string;
  approvedOn: string;
  documentRef: string;
  recordedBy: string;
  recordedAt: string;
}

export interface RegisterDisposal {
  dealId: string;
  achievementId: string;
  kind: DisposalKind;
  title: string;
  companyName: string;
  signedOn: string;
  valuations: { value: string; method: string; appraiser: string; valuedOn: string }[];
  equity: { companyName: string; equityPercent: string } | null;
  income: string;
  distribution: { costRecovery: string; institution: string; researchers: string };
  approval: Approval | null;
}

export interface RegisterEntry {
  id: string;
  externalRef: string | null;
  title: string;
  institutionName: string;
  patentNumbers: string[];
  legalStatus: string;
  registeredAt: string;
  disposals: RegisterDisposal[];
}

export interface Register {
  orgId: string;
  institution: string;
  year: number | null;
  inventions: RegisterEntry[];
  totals: {
    disposals: number;
    approved: number;
    income: string;
    costRecovery: string;
    institution: string;
    researchers: string;
  };
}
