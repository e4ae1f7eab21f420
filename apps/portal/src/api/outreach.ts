import type { NeedInput, SearchType } from './types';

/** An appointment of a researcher as technology commissioner (科技特派员) to a company. */
export interface Appointment {
  id: string;
  researcher: { id: string; name: string; title: string };
  institution: { id: string; name: string };
  company: { id: string; name: string };
  startsOn: string;
  endsOn: string;
  active: boolean;
  visits: number;
  minedNeeds: number;
  createdAt: string;
}

export interface CommissionerCandidate {
  researcherId: string;
  name: string;
  title: string;
  institution: { id: string; name: string };
  researchAreas: string[];
  commissionerAvailable: boolean;
}

export interface Visit {
  id: string;
  appointmentId: string;
  companyId: string;
  visitedOn: string;
  findings: string;
  createdAt: string;
}

export type MinedNeedStatus = 'awaiting_company' | 'confirmed';

export interface MinedDraft {
  id: string;
  appointmentId: string;
  companyId: string;
  visitId: string | null;
  status: MinedNeedStatus;
  need: NeedInput;
  needId: string | null;
  draftedBy: string;
  editedBy: string | null;
  confirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the company sees of a draft: who drafted it and what the visit found. */
export interface CompanyDraft extends MinedDraft {
  commissioner: { name: string; title: string; institution: string };
  visit: { visitedOn: string; findings: string } | null;
}

export interface SavedQuery {
  q?: string;
  field?: string[];
  region?: string[];
  maturity?: string[];
  ipType?: string[];
  mode?: string[];
  institution?: string[];
  amountMin?: string;
  amountMax?: string;
}

export interface SavedSearch {
  id: string;
  name: string;
  type: Exclude<SearchType, 'researcher'>;
  query: SavedQuery;
  sent: number;
  createdAt: string;
}
