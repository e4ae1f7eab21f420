/** Shapes of the deals API (deal rooms, licences, equity, income) as the portal reads them. */
import type { DealType } from './types';

export type DealStatus =
  | 'negotiating'
  | 'agreed'
  | 'signed'
  | 'active'
  | 'transferred'
  | 'free_use'
  | 'paying'
  | 'overdue'
  | 'defaulted'
  | 'valued'
  | 'holding'
  | 'granted'
  | 'completed'
  | 'returned'
  | 'expired'
  | 'exited'
  | 'terminated'
  | 'cancelled';

export type DealAction =
  | 'agree'
  | 'sign'
  | 'cancel'
  | 'register'
  | 'start'
  | 'expire'
  | 'terminate'
  | 'opt_out'
  | 'trigger'
  | 'fall_overdue'
  | 'settle'
  | 'default'
  | 'complete'
  | 'value'
  | 'take_equity'
  | 'exit'
  | 'grant';

export type LicenceScope = 'exclusive' | 'sole' | 'non_exclusive';
export type Capacity = 'institution' | 'company' | 'manager';
export type Side = 'institution' | 'company';

export const DEAL_TYPES: readonly DealType[] = [
  'use_first_pay_later',
  'licence',
  'transfer',
  'rights_for_equity',
  'rights_grant',
  'joint_development',
];
export const LICENCE_SCOPES: readonly LicenceScope[] = ['non_exclusive', 'sole', 'exclusive'];

export interface DealSummary {
  id: string;
  type: DealType;
  status: DealStatus;
  title: string;
  licenceScope: LicenceScope | null;
  institution: { id: string; name: string };
  company: { id: string; name: string };
  achievement: { id: string; title: string };
  need: { id: string; title: string } | null;
  manager: { id: string; name: string } | null;
  connectionId: string | null;
  recoverableCosts: string;
  signedOn: string | null;
  createdAt: string;
}

export interface Deal extends DealSummary {
  capacity: Capacity;
  /** The steps the caller may take now. */
  actions: DealAction[];
}

export interface OpenDeal {
  type: DealType;
  title: string;
  /** From a connection; or, for a TTO's direct deal, its achievement and the company. */
  connectionId?: string;
  achievementId?: string;
  companyOrgId?: string;
  licenceScope?: LicenceScope;
}

/** A verified company a TTO may open a deal with. */
export interface Company {
  id: string;
  name: string;
  region: string | null;
}

export interface Broker {
  id: string;
  name: string;
  organisation: string;
}

export type TriggerKind = 'date' | 'first_revenue' | 'revenue_threshold';
export type PaymentMode = 'lump_sum' | 'instalments' | 'royalty' | 'entry_fee_royalty';
export const TRIGGER_KINDS: readonly TriggerKind[] = ['first_revenue', 'date', 'revenue_threshold'];
export const PAYMENT_MODES: readonly PaymentMode[] = ['entry_fee_royalty', 'royalty', 'lump_sum', 'instalments'];

export interface UfplTerms {
  freeUntil: string;
  triggerKind: TriggerKind;
  triggerDate?: string;
  triggerThreshold?: string;
  paymentMode: PaymentMode;
  fee?: string;
  instalmentCount?: number;
  intervalMonths?: number;
  entryFee?: string;
  royaltyPercent?: string;
  royaltyCap?: string;
  dueDays: number;
  graceDays: number;
}

export interface TermSheetInput {
  summary: string;
  price?: string;
  ufpl?: UfplTerms;
}

export interface TermSheet {
  id: string;
  version: number;
  proposedBy: Side;
  status: 'open' | 'superseded' | 'withdrawn' | 'accepted';
  terms: TermSheetInput;
  acceptances: { side: Side; userId: string; at: string }[];
  createdAt: string;
}

export interface DealMessage {
  id: string;
  authorUserId: string;
  authorName: string;
  authorOrgId: string;
  body: string;
  createdAt: string;
}

export interface DealAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

export interface Instalment {
  id: string;
  seq: number;
  kind: 'lump_sum' | 'instalment' | 'entry_fee' | 'royalty';
  amount: string;
  dueOn: string;
  invoiceNo: string;
  paidOn: string | null;
  standing: 'paid' | 'current' | 'overdue' | 'defaulted';
}

export interface RevenueReport {
  id: string;
  periodStart: string;
  periodEnd: string;
  revenue: string;
  royalty: string | null;
}

export interface Licence {
  dealId: string;
  status: DealStatus;
  terms: {
    freeUntil: string;
    triggerKind: TriggerKind;
    triggerDate: string | null;
    triggerThreshold: string | null;
    paymentMode: PaymentMode;
    fee: string | null;
    instalmentCount: number | null;
    intervalMonths: number | null;
    entryFee: string | null;
    royaltyPercent: string | null;
    royaltyCap: string | null;
    dueDays: number;
    graceDays: number;
  };
  triggeredOn: string | null;
  instalments: Instalment[];
  reports: RevenueReport[];
}

export interface RevenueReportInput {
  periodStart: string;
  periodEnd: string;
  revenue: string;
}

export interface ReportResult extends RevenueReport {
  triggered: boolean;
  status: DealStatus;
}

export interface PaymentInput {
  instalmentId: string;
  amount: string;
  paidOn: string;
}

export type LedgerParty = 'cost_recovery' | 'institution' | 'researcher';

export interface IncomeEvent {
  id: string;
  dealId: string;
  kind: 'fee' | 'instalment' | 'royalty' | 'dividend' | 'exit';
  amount: string;
  occurredOn: string;
  instalmentId: string | null;
  policy: Record<string, string>;
  entries: { party: LedgerParty; researcherId: string | null; amount: string }[];
}

export interface IncomeInput {
  kind: 'fee' | 'dividend' | 'exit';
  amount: string;
  occurredOn: string;
}

export interface Distribution {
  recoverableCosts: string;
  contributions: { researcherId: string; name: string; sharePercent: string }[];
}

export interface DistributionInput {
  recoverableCosts: string;
  contributions: { researcherId: string; sharePercent: string }[];
}

export interface Valuation {
  id: string;
  dealId: string;
  value: string;
  method: string;
  appraiser: string;
  valuedOn: string;
  createdAt: string;
}

export interface Equity {
  valuations: Valuation[];
  equity: {
    dealId: string;
    companyName: string;
    newCompany: boolean;
    equityPercent: string;
    institutionPercent: string;
    teamPercent: string;
    takenOn: string;
  } | null;
  grants: {
    id: string;
    dealId: string;
    kind: 'co_ownership' | 'use_right';
    sharePercent: string | null;
    termYears: number | null;
    researcherIds: string[];
    grantedOn: string;
  }[];
}

export interface IncomePolicy {
  teamFloorPercent: string;
  institutionCapPercent: string;
}

export interface Statement {
  researcher: { id: string; name: string };
  lines: {
    incomeEventId: string;
    dealId: string;
    dealTitle: string;
    kind: string;
    occurredOn: string;
    incomeAmount: string;
    amount: string;
  }[];
  total: string;
}
