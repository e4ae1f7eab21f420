import { PLATFORM_KIND_NAMES, type PlatformKind } from './vocabulary';

/** The need's side of a recommendation, as far as maturity is concerned. */
export interface GapNeed {
  minTrl: number | null;
  fieldCodes: readonly string[];
  regionCode: string | null;
}

/** The achievement's side: its recorded maturity, fields and its institution's region. */
export interface GapAchievement {
  trl: number | null;
  fieldCodes: readonly string[];
  regionCode: string | null;
}

/** A service a verified platform lists, with what the proposal shows of its platform. */
export interface GapService {
  serviceId: string;
  title: string;
  platformId: string;
  platformName: string;
  kinds: readonly PlatformKind[];
  fieldCodes: readonly string[];
  trlFrom: number;
  trlTo: number;
  regionCode: string | null;
  priceMin: string | null;
  priceMax: string | null;
  leadTimeDays: number;
}

export type GapFeatureName = 'maturity' | 'field' | 'locality';

export interface GapReason {
  feature: GapFeatureName;
  value: number;
  zh: string;
  en: string;
}

export interface PlatformProposal {
  service: GapService;
  /** Weighted sum of the reasons' values, in [0, 1], rounded to three decimals. */
  score: number;
  reasons: GapReason[];
}

export interface MaturityGap {
  achievementTrl: number;
  neededTrl: number;
  levels: number;
  zh: string;
  en: string;
  /** The platforms that bridge it, best first (one service per platform). */
  proposals: PlatformProposal[];
}

/** How much each reason weighs in a proposal's score. */
export const GAP_WEIGHTS: Record<GapFeatureName, number> = { maturity: 0.5, field: 0.3, locality: 0.2 };

/** At most this many platforms are proposed for one gap. */
export const MAX_PROPOSALS = 3;

/** The levels missing between an achievement and a need, or null when there is no gap (or it is unknown). */
export function gapLevels(need: Pick<GapNeed, 'minTrl'>, achievement: Pick<GapAchievement, 'trl'>): number | null {
  if (need.minTrl === null || achievement.trl === null) return null;
  return achievement.trl < need.minTrl ? need.minTrl - achievement.trl : null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * How far the service carries the result: 1 when it takes it at its level and brings it to the
 * need's, a share when it stops short; null when it does not take results this early.
 */
function maturityReason(from: number, to: number, service: GapService): GapReason | null {
  if (service.trlFrom > from || service.trlTo <= from) return null;
  const reached = Math.min(service.trlTo, to);
  const value = round((reached - from) / (to - from));
  const range = `TRL ${service.trlFrom}–${service.trlTo}`;
  if (reached >= to) {
    return {
      feature: 'maturity',
      value,
      zh: `承接成熟度 ${range}，可将成果从 TRL ${from} 提升到需求要求的 TRL ${to}`,
      en: `Takes results at ${range}: it can bring this one from TRL ${from} to the TRL ${to} the need asks`,
    };
  }
  return {
    feature: 'maturity',
    value,
    zh: `承接成熟度 ${range}，可将成果提升到 TRL ${reached}，距需求要求的 TRL ${to} 仍差 ${to - reached} 级`,
    en: `Takes results at ${range}: it brings this one to TRL ${reached}, ${to - reached} short of the TRL ${to} the need asks`,
  };
}

/** Fields the service works in that the achievement or the need name; null when it names fields and none fit. */
function fieldReason(need: GapNeed, achievement: GapAchievement, service: GapService): GapReason | null {
  if (service.fieldCodes.length === 0) {
    return { feature: 'field', value: 0.5, zh: '平台不限技术领域', en: 'The platform works in every field' };
  }
  const wanted = new Set([...achievement.fieldCodes, ...need.fieldCodes]);
  const shared = service.fieldCodes.filter((code) => wanted.has(code));
  if (shared.length === 0) return null;
  const ofAchievement = shared.some((code) => achievement.fieldCodes.includes(code));
  const list = shared.join(', ');
  return ofAchievement
    ? {
        feature: 'field',
        value: 1,
        zh: `服务领域覆盖成果所属领域（${list}）`,
        en: `Works in the achievement's field (${list})`,
      }
    : {
        feature: 'field',
        value: 0.7,
        zh: `服务领域覆盖需求所属领域（${list}）`,
        en: `Works in the need's field (${list})`,
      };
}

/** Same district code as the company or the institution; else the same province (first two digits). */
function localityReason(need: GapNeed, achievement: GapAchievement, service: GapService): GapReason {
  const region = service.regionCode;
  if (!region) return { feature: 'locality', value: 0.3, zh: '平台未注明所在地区', en: 'The platform names no region' };
  if (region === need.regionCode) {
    return { feature: 'locality', value: 1, zh: '平台与需求企业在同一区县', en: 'In the same district as the company' };
  }
  if (region === achievement.regionCode) {
    return {
      feature: 'locality',
      value: 0.9,
      zh: '平台与成果所属单位在同一区县',
      en: 'In the same district as the institution',
    };
  }
  const province = region.slice(0, 2);
  if (province === need.regionCode?.slice(0, 2) || province === achievement.regionCode?.slice(0, 2)) {
    const chongqing = province === '50';
    return {
      feature: 'locality',
      value: 0.6,
      zh: chongqing ? '平台在重庆市内，利于本地转化' : '平台与一方在同一省份',
      en: chongqing ? 'In Chongqing: the step stays local' : 'In the same province as one of the sides',
    };
  }
  return { feature: 'locality', value: 0.2, zh: '平台在外地', en: 'The platform is elsewhere' };
}

/** The proposal of one service for the gap from `from` to `to`, or null when it does not bridge it. */
export function proposeService(
  need: GapNeed,
  achievement: GapAchievement,
  service: GapService,
  from: number,
  to: number,
): PlatformProposal | null {
  const maturity = maturityReason(from, to, service);
  const field = fieldReason(need, achievement, service);
  if (!maturity || !field) return null;
  const locality = localityReason(need, achievement, service);
  const reasons = [maturity, field, locality];
  const score = round(reasons.reduce((sum, reason) => sum + GAP_WEIGHTS[reason.feature] * reason.value, 0));
  return { service, score, reasons };
}

function kindsText(kinds: readonly PlatformKind[]): { zh: string; en: string } {
  return {
    zh: kinds.map((kind) => PLATFORM_KIND_NAMES[kind].zh).join('、'),
    en: kinds.map((kind) => PLATFORM_KIND_NAMES[kind].en).join(', '),
  };
}

/**
 * The maturity gap of a recommendation and the platforms that bridge it, or null when the
 * achievement is as mature as the need asks (or either level is unknown). Proposals are the best
 * service of each platform, by score, then by the shorter lead time, then by name.
 */
export function maturityGap(
  need: GapNeed,
  achievement: GapAchievement,
  services: readonly GapService[],
): MaturityGap | null {
  const levels = gapLevels(need, achievement);
  if (levels === null) return null;
  const from = achievement.trl!;
  const to = need.minTrl!;
  const best = new Map<string, PlatformProposal>();
  for (const service of services) {
    const proposal = proposeService(need, achievement, service, from, to);
    if (!proposal) continue;
    const held = best.get(service.platformId);
    if (!held || compare(proposal, held) < 0) best.set(service.platformId, proposal);
  }
  const proposals = [...best.values()].sort(compare).slice(0, MAX_PROPOSALS);
  const kinds = kindsText([...new Set(proposals.flatMap((p) => p.service.kinds))]);
  return {
    achievementTrl: from,
    neededTrl: to,
    levels,
    zh:
      `成果成熟度为 TRL ${from}，需求要求至少 TRL ${to}，相差 ${levels} 级` +
      (proposals.length > 0 ? `；可通过${kinds.zh}补齐` : '；暂无可补齐的服务平台'),
    en:
      `The achievement is at TRL ${from} and the need asks at least TRL ${to}: ${levels} level${levels > 1 ? 's' : ''} short` +
      (proposals.length > 0 ? `; a ${kinds.en} can bridge it` : '; no service platform bridges it yet'),
    proposals,
  };
}

function compare(a: PlatformProposal, b: PlatformProposal): number {
  return (
    b.score - a.score ||
    a.service.leadTimeDays - b.service.leadTimeDays ||
    a.service.platformName.localeCompare(b.service.platformName, 'zh-CN') ||
    a.service.serviceId.localeCompare(b.service.serviceId)
  );
}
