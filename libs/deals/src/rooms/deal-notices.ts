import { Injectable } from '@nestjs/common';
import { Notifier, type NotificationInput } from '@kuaizhuan/delivery';
import type { EntityManager } from 'typeorm';
import type { DealAction } from '../domain/deal-machine';
import type { Side } from '../domain/term-sheet';
import type { Deal } from '../entities/deal.entity';
import type { Capacity } from '../steps/deal-access';

type DealParties = Pick<Deal, 'id' | 'title' | 'institutionOrgId' | 'companyOrgId' | 'managerUserId'>;

/** What a step is called in a notice: the words a party reads in the deal room. */
const STEP_WORDS: Partial<Record<DealAction, { zh: string; en: string }>> = {
  agree: { zh: '双方已确认条款，等待签约', en: 'both sides agreed the terms; it waits to be signed' },
  sign: { zh: '已签约', en: 'it was signed' },
  cancel: { zh: '已取消', en: 'it was cancelled' },
  register: { zh: '已登记过户', en: 'the transfer was registered' },
  start: { zh: '已开始履行', en: 'it started' },
  expire: { zh: '已到期', en: 'it expired' },
  terminate: { zh: '已终止', en: 'it was terminated' },
  opt_out: { zh: '企业已放弃并退回许可', en: 'the company opted out and returned the licence' },
  complete: { zh: '已完成', en: 'it was completed' },
  exit: { zh: '已退出', en: 'the institution exited' },
};

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** The parties other than the one who acted: organisations by side, the manager by user. */
function othersThan(deal: DealParties, actor: Capacity | 'system'): NotificationInput['recipients'] {
  const organisationIds: string[] = [];
  if (actor !== 'institution') organisationIds.push(deal.institutionOrgId);
  if (actor !== 'company') organisationIds.push(deal.companyOrgId);
  const userIds = actor !== 'manager' && deal.managerUserId ? [deal.managerUserId] : [];
  return { organisationIds, userIds };
}

/** The other negotiating side's organisation (only its TTO or company staff). */
function otherSide(deal: DealParties, side: Side): NotificationInput['recipients'] {
  return side === 'institution'
    ? { organisationIds: [deal.companyOrgId], roles: ['enterprise'] }
    : { organisationIds: [deal.institutionOrgId], roles: ['tto'] };
}

const SIDE = {
  institution: { zh: '成果方', en: 'The institution' },
  company: { zh: '企业', en: 'The company' },
};

/** A deal opened by one side: the other side is asked in. */
export function openedNotice(deal: DealParties, side: Side): NotificationInput {
  const title = clip(deal.title);
  return {
    type: 'deal.opened',
    subject: { type: 'deal', id: deal.id },
    recipients: otherSide(deal, side),
    title: { zh: `${SIDE[side].zh}开启了交易「${title}」`, en: `${SIDE[side].en} opened the deal "${title}"` },
    body: {
      zh: '请进入交易室查看并提出或回应条款。',
      en: 'Open the deal room to offer terms or answer them.',
    },
    link: `/deals/${deal.id}`,
    data: { dealId: deal.id },
  };
}

/** A version of the terms offered: it waits on the other side. */
export function termsOfferedNotice(
  deal: DealParties,
  side: Side,
  sheet: { id: string; version: number },
): NotificationInput {
  const title = clip(deal.title);
  return {
    type: 'deal.terms',
    subject: { type: 'term_sheet', id: sheet.id },
    recipients: otherSide(deal, side),
    title: {
      zh: `「${title}」有新的条款（第 ${sheet.version} 版）待您回应`,
      en: `"${title}": terms version ${sheet.version} wait for your answer`,
    },
    body: {
      zh: `${SIDE[side].zh}提出了第 ${sheet.version} 版条款，请在交易室接受或提出新版本。`,
      en: `${SIDE[side].en} offered version ${sheet.version} of the terms; accept it or offer another in the deal room.`,
    },
    link: `/deals/${deal.id}`,
    data: { dealId: deal.id, termSheetId: sheet.id, version: sheet.version },
  };
}

/** One side accepted a version the other has not yet: it waits on the other side. */
export function termsAcceptedNotice(
  deal: DealParties,
  side: Side,
  sheet: { id: string; version: number },
): NotificationInput {
  const title = clip(deal.title);
  return {
    type: 'deal.terms',
    subject: { type: 'term_sheet.accepted', id: `${sheet.id}:${side}` },
    recipients: otherSide(deal, side),
    title: {
      zh: `「${title}」第 ${sheet.version} 版条款已被对方接受`,
      en: `"${title}": the other side accepted terms version ${sheet.version}`,
    },
    body: {
      zh: '您也接受后，条款即告确认。',
      en: 'Once you accept it too, the terms are agreed.',
    },
    link: `/deals/${deal.id}`,
    data: { dealId: deal.id, termSheetId: sheet.id, version: sheet.version },
  };
}

/** A step of the deal taken by one party (or the platform): the others hear of it. */
export function stepNotice(
  deal: DealParties,
  action: DealAction,
  actor: Capacity | 'system',
): NotificationInput | null {
  const words = STEP_WORDS[action];
  if (!words) return null;
  const title = clip(deal.title);
  return {
    type: 'deal.progress',
    subject: { type: 'deal.step', id: `${deal.id}:${action}` },
    recipients: othersThan(deal, actor),
    title: { zh: `交易「${title}」${words.zh}`, en: `Deal "${title}": ${words.en}` },
    body: { zh: '进入交易室查看详情和下一步。', en: 'Open the deal room for the details and the next step.' },
    link: `/deals/${deal.id}`,
    data: { dealId: deal.id, step: action },
  };
}

/** Pushes the deal room's events to the parties they wait on, in the event's transaction. */
@Injectable()
export class DealNotices {
  constructor(private readonly notifier: Notifier) {}

  async send(manager: EntityManager, notice: NotificationInput | null): Promise<void> {
    if (notice) await this.notifier.notify(manager, notice);
  }
}
