import type { NotificationInput } from '@kuaizhuan/delivery';
import type { FeatureValue, Weights } from '../core/types';
import type { Side } from '../domain/recommendation-status';
import { featuresFor, type ShownFeature } from '../recommendations/views';

/** What an approval notice is made of, read by the deliver job. */
export interface ApprovalFacts {
  recommendationId: string;
  score: number;
  features: FeatureValue[];
  need: { id: string; orgId: string; orgName: string; title: string; confidentiality: 'public' | 'summary_only' };
  achievement: { id: string; orgId: string; orgName: string; title: string };
}

export interface ConnectionFacts {
  connectionId: string;
  recommendationId: string;
  need: { id: string; orgId: string; title: string };
  achievement: { id: string; orgId: string; title: string };
}

/** Subject types of the two approval notices: one per side, each with its own text and link. */
export const APPROVAL_SUBJECTS: Record<Side, string> = {
  company: 'recommendation.company',
  institution: 'recommendation.institution',
};

/** Names inside a title are clipped so that a title stays within the notifier's 200 characters. */
const NAME_IN_TITLE = 60;

export function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/**
 * The reasons worth naming first: those that added most to the score (weight × value), among
 * features the side may see and that speak for the match (value ≥ 0.5).
 */
export function topReasons(features: readonly ShownFeature[], weights: Weights, count = 3): ShownFeature[] {
  return features
    .map((feature, index) => ({
      feature,
      index,
      gain: feature.value === null ? -1 : weights[feature.feature] * feature.value,
    }))
    .filter(({ feature }) => feature.value !== null && feature.value >= 0.5)
    .sort((a, b) => b.gain - a.gain || a.index - b.index)
    .slice(0, count)
    .map(({ feature }) => feature);
}

function reasonLines(reasons: readonly ShownFeature[], language: 'zh' | 'en'): string[] {
  if (reasons.length === 0) return [];
  return [language === 'zh' ? '主要理由：' : 'Top reasons:', ...reasons.map((r) => `· ${r[language]}`)];
}

/**
 * The notice of an approved recommendation for one side. The company reads which achievement
 * fits its need; the TTO reads which need its achievement was recommended for, without the
 * company's name or budget when the need is `summary_only`.
 */
export function approvalNotice(side: Side, facts: ApprovalFacts, weights: Weights): NotificationInput {
  const need = clip(facts.need.title, NAME_IN_TITLE);
  const achievement = clip(facts.achievement.title, NAME_IN_TITLE);
  const reasons = topReasons(featuresFor(side, facts.features, facts.need.confidentiality), weights);
  const score = percent(facts.score);
  const data = {
    recommendationId: facts.recommendationId,
    needId: facts.need.id,
    achievementId: facts.achievement.id,
    score: Math.round(facts.score * 10_000) / 10_000,
    reasons: reasons.map((r) => r.feature),
  };
  const subject = { type: APPROVAL_SUBJECTS[side], id: facts.recommendationId };
  if (side === 'company') {
    return {
      type: 'recommendation.approved',
      subject,
      recipients: { organisationIds: [facts.need.orgId], roles: ['enterprise'] },
      title: {
        zh: `推荐成果「${achievement}」匹配您的需求「${need}」`,
        en: `Recommended for your need "${need}": ${achievement}`,
      },
      body: {
        zh: [
          '技术经理人审核通过了一条推荐。',
          `需求：${facts.need.title}`,
          `推荐成果：${facts.achievement.title}（${facts.achievement.orgName}）`,
          `匹配度：${score}`,
          ...reasonLines(reasons, 'zh'),
          '请查看成果详情及其科研团队，并回复是否有意向对接。',
        ].join('\n'),
        en: [
          'A technology manager approved a recommendation.',
          `Need: ${facts.need.title}`,
          `Recommended achievement: ${facts.achievement.title} (${facts.achievement.orgName})`,
          `Match score: ${score}`,
          ...reasonLines(reasons, 'en'),
          'Open it to see the achievement and its research team, and answer whether you are interested.',
        ].join('\n'),
      },
      link: `/needs/${facts.need.id}/recommendations`,
      data,
    };
  }
  const confidential = facts.need.confidentiality === 'summary_only';
  return {
    type: 'recommendation.approved',
    subject,
    recipients: { organisationIds: [facts.achievement.orgId], roles: ['tto'] },
    title: {
      zh: `您的成果「${achievement}」被推荐给需求「${need}」`,
      en: `Your achievement "${achievement}" was recommended for the need "${need}"`,
    },
    body: {
      zh: [
        '技术经理人审核通过了一条推荐。',
        `成果：${facts.achievement.title}`,
        `企业需求：${facts.need.title}（${confidential ? '需求方信息保密' : facts.need.orgName}）`,
        `匹配度：${score}`,
        ...reasonLines(reasons, 'zh'),
        '请查看需求详情，并回复是否有意向对接。',
      ].join('\n'),
      en: [
        'A technology manager approved a recommendation.',
        `Achievement: ${facts.achievement.title}`,
        `Company need: ${facts.need.title} (${confidential ? 'company kept confidential' : facts.need.orgName})`,
        `Match score: ${score}`,
        ...reasonLines(reasons, 'en'),
        'Open it to see the need, and answer whether you are interested.',
      ].join('\n'),
    },
    link: `/achievements/${facts.achievement.id}/recommendations`,
    data,
  };
}

/** One notice to both organisations: both said they are interested, contacts are now open to each. */
export function connectionNotice(facts: ConnectionFacts): NotificationInput {
  const need = clip(facts.need.title, NAME_IN_TITLE);
  const achievement = clip(facts.achievement.title, NAME_IN_TITLE);
  return {
    type: 'connection.made',
    subject: { type: 'connection', id: facts.connectionId },
    recipients: { organisationIds: [facts.need.orgId, facts.achievement.orgId] },
    title: {
      zh: `已建立对接：「${need}」×「${achievement}」`,
      en: `Connected: "${need}" × "${achievement}"`,
    },
    body: {
      zh: [
        '企业与成果方均表示有意向，双方已建立对接。',
        `需求：${facts.need.title}`,
        `成果：${facts.achievement.title}`,
        '现在可以在平台查看对方联系人及联系方式。',
      ].join('\n'),
      en: [
        'The company and the achievement owner are both interested: you are now connected.',
        `Need: ${facts.need.title}`,
        `Achievement: ${facts.achievement.title}`,
        "You can now see the other side's contact person and details on the platform.",
      ].join('\n'),
    },
    link: `/connections/${facts.connectionId}`,
    data: {
      connectionId: facts.connectionId,
      recommendationId: facts.recommendationId,
      needId: facts.need.id,
      achievementId: facts.achievement.id,
    },
  };
}
