import type { NotificationInput } from '@kuaizhuan/delivery';
import { DECLINE_REASON_TEXTS, type DeclineReason } from './challenge-rules';
import type { Challenge } from '../entities/challenge.entity';
import type { Proposal } from '../entities/proposal.entity';

type ChallengeFacts = Pick<Challenge, 'id' | 'title' | 'deadline' | 'companyOrgId'>;

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** A moment as people in China read it: 2027-03-01 18:00. */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A published challenge, to the TTOs whose achievements fit it. */
export function announcedNotice(challenge: ChallengeFacts, organisationIds: string[]): NotificationInput {
  const title = clip(challenge.title);
  return {
    type: 'challenge.published',
    subject: { type: 'challenge', id: challenge.id },
    recipients: { organisationIds, roles: ['tto'] },
    title: { zh: `揭榜挂帅：「${title}」`, en: `Open challenge: "${title}"` },
    body: {
      zh: `您的成果与该榜单相符。揭榜方案截止时间：${chinaTime(challenge.deadline)}（北京时间）。`,
      en: `Your achievements fit this challenge. Proposals close on ${chinaTime(challenge.deadline)} (China time).`,
    },
    link: `/challenges/${challenge.id}`,
    data: { challengeId: challenge.id },
  };
}

/** A new proposal, to the company and the managers it assigned. */
export function proposalNotice(challenge: ChallengeFacts, proposalId: string, managerIds: string[]): NotificationInput {
  const title = clip(challenge.title);
  return {
    type: 'challenge.proposal',
    subject: { type: 'proposal', id: proposalId },
    recipients: { organisationIds: [challenge.companyOrgId], roles: ['enterprise'], userIds: managerIds },
    title: { zh: `「${title}」收到新的揭榜方案`, en: `A new proposal for "${title}"` },
    body: {
      zh: '截止后即可评审、打分并确定揭榜方。',
      en: 'Once the deadline has passed you can score the proposals and pick a winner.',
    },
    link: `/challenges/${challenge.id}/judging`,
    data: { challengeId: challenge.id, proposalId },
  };
}

/** A reminder of the deadline, to the TTOs it was pushed to and those that proposed. */
export function reminderNotice(
  challenge: ChallengeFacts,
  reminderId: string,
  organisationIds: string[],
): NotificationInput {
  const title = clip(challenge.title);
  return {
    type: 'challenge.reminder',
    subject: { type: 'challenge_reminder', id: reminderId },
    recipients: { organisationIds, roles: ['tto'] },
    title: { zh: `「${title}」揭榜即将截止`, en: `Proposals for "${title}" close soon` },
    body: {
      zh: `截止时间：${chinaTime(challenge.deadline)}（北京时间）。截止前可提交、修改或撤回方案，截止后不再受理。`,
      en: `The deadline is ${chinaTime(challenge.deadline)} (China time). Until then proposals may be sent, revised or withdrawn; none after it.`,
    },
    link: `/challenges/${challenge.id}`,
    data: { challengeId: challenge.id },
  };
}

/** A team not chosen: the reason from the fixed list and the company's note. */
export function declinedNotice(
  challenge: ChallengeFacts,
  proposal: Pick<Proposal, 'id' | 'orgId'>,
  reason: DeclineReason,
  note: string,
): NotificationInput {
  const title = clip(challenge.title);
  const words = DECLINE_REASON_TEXTS[reason];
  return {
    type: 'challenge.decision',
    subject: { type: 'proposal', id: proposal.id },
    recipients: { organisationIds: [proposal.orgId], roles: ['tto'] },
    title: { zh: `「${title}」：您的方案未被选中`, en: `"${title}": your proposal was not chosen` },
    body: { zh: `原因：${words.zh}。${note}`, en: `Reason: ${words.en}. ${note}` },
    link: `/proposals/${proposal.id}`,
    data: { challengeId: challenge.id, proposalId: proposal.id, reason },
  };
}

/** The winning team: its proposal opened a deal room. */
export function wonNotice(
  challenge: ChallengeFacts,
  proposal: Pick<Proposal, 'id' | 'orgId'>,
  dealId: string,
): NotificationInput {
  const title = clip(challenge.title);
  return {
    type: 'challenge.decision',
    subject: { type: 'proposal', id: proposal.id },
    recipients: { organisationIds: [proposal.orgId], roles: ['tto'] },
    title: { zh: `「${title}」：您的方案揭榜成功`, en: `"${title}": your proposal won` },
    body: {
      zh: '企业已选定您的方案，交易室已开启，方案条款为第一版条款。',
      en: 'The company chose your proposal; a deal room is open with its terms as the first term sheet.',
    },
    link: `/deals/${dealId}`,
    data: { challengeId: challenge.id, proposalId: proposal.id, dealId },
  };
}
