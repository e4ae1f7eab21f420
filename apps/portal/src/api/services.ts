/** Service platforms, their services and quotes, as the api answers them. */

export type PlatformKind = 'proof_of_concept' | 'pilot' | 'incubator';
export type PlatformStatus = 'pending' | 'verified' | 'rejected';
export type QuoteStatus = 'requested' | 'quoted' | 'accepted' | 'completed' | 'declined';
export type QuoteAction = 'quote' | 'accept' | 'complete' | 'decline';

export interface PlatformServiceView {
  id: string;
  platformId: string;
  title: string;
  description: string;
  fieldCodes: string[];
  trlFrom: number;
  trlTo: number;
  facilities: string;
  priceMin: string | null;
  priceMax: string | null;
  leadTimeDays: number;
  regionCode: string | null;
  active: boolean;
}

export interface PlatformView {
  id: string;
  name: string;
  kinds: PlatformKind[];
  description: string;
  regionCode: string | null;
  organisation: { id: string; name: string };
  services: PlatformServiceView[];
  status?: PlatformStatus;
  statusReason?: string | null;
}

export interface GapReason {
  feature: 'maturity' | 'field' | 'locality';
  value: number;
  zh: string;
  en: string;
}

export interface PlatformProposal {
  service: {
    serviceId: string;
    title: string;
    platformId: string;
    platformName: string;
    kinds: PlatformKind[];
    trlFrom: number;
    trlTo: number;
    regionCode: string | null;
    priceMin: string | null;
    priceMax: string | null;
    leadTimeDays: number;
  };
  score: number;
  reasons: GapReason[];
}

export interface MaturityGap {
  achievementTrl: number;
  neededTrl: number;
  levels: number;
  zh: string;
  en: string;
  proposals: PlatformProposal[];
}

export interface QuoteMessage {
  id: string;
  body: string;
  createdAt: string;
  author: { name: string; organisation: string };
  mine: boolean;
}

export interface Quote {
  id: string;
  status: QuoteStatus;
  capacity: 'requester' | 'platform' | 'institution';
  actions: QuoteAction[];
  canConfirmMaturity: boolean;
  service: { id: string; title: string; trlFrom: number; trlTo: number };
  platform: { id: string; name: string; organisationId: string };
  requester: { id: string; name: string };
  achievement: { id: string; title: string; trl: number | null };
  recommendationId: string | null;
  trlBefore: number | null;
  targetTrl: number;
  price: string | null;
  leadTimeDays: number | null;
  trlReached: number | null;
  report: string | null;
  declineReason: string | null;
  createdAt: string;
  maturityConfirmedAt: string | null;
  messages?: QuoteMessage[];
}
