import { DEFAULT_WEIGHTS } from '../core/score';
import type { FeatureValue } from '../core/types';
import { approvalNotice, clip, connectionNotice, topReasons, type ApprovalFacts } from './notices';

const features: FeatureValue[] = [
  { feature: 'text', value: 0.9, zh: '文本高度相关', en: 'Text closely related' },
  { feature: 'keywords', value: 1, zh: '关键词重合：电池包、轻量化', en: 'Keywords in common: 电池包, 轻量化' },
  { feature: 'field', value: 1, zh: '同属轻合金领域', en: 'Same field: light alloys' },
  { feature: 'maturity', value: 1, zh: '成熟度满足要求', en: 'Mature enough' },
  {
    feature: 'price',
    value: 1,
    zh: '报价在预算（200 万元）之内',
    en: 'Asking price within the budget of 2000000 yuan',
  },
  { feature: 'mode', value: 1, zh: '可按许可合作', en: 'Both accept: licence' },
  { feature: 'locality', value: 1, zh: '双方均在重庆', en: 'Both in Chongqing' },
  { feature: 'freshness', value: 0.95, zh: '发布不到一年', en: 'Published within a year' },
  { feature: 'quality', value: 0.4, zh: '信息完整度 40%', en: 'Listing 40% complete' },
  { feature: 'feedback', value: 0.5, zh: '尚无反馈', en: 'No answers yet' },
];

const facts: ApprovalFacts = {
  recommendationId: '7c0e6f0e-4a4b-4f55-9a34-0e9b7d1d0c11',
  score: 0.8234,
  features,
  need: {
    id: '11111111-1111-4111-8111-111111111111',
    orgId: '22222222-2222-4222-8222-222222222222',
    orgName: '重庆长安轻量化科技有限公司',
    title: '新能源汽车电池包轻量化技术',
    confidentiality: 'summary_only',
  },
  achievement: {
    id: '33333333-3333-4333-8333-333333333333',
    orgId: '44444444-4444-4444-8444-444444444444',
    orgName: '重庆大学',
    title: '高强韧镁合金板材连续轧制技术',
  },
};

describe('notices', () => {
  describe('topReasons', () => {
    it('names the features that added most to the score, at most three', () => {
      const reasons = topReasons(features, DEFAULT_WEIGHTS);
      expect(reasons).toHaveLength(3);
      const gains = reasons.map((r) => DEFAULT_WEIGHTS[r.feature] * r.value!);
      expect([...gains].sort((a, b) => b - a)).toEqual(gains);
      const best = Math.max(...features.map((f) => DEFAULT_WEIGHTS[f.feature] * f.value));
      expect(gains[0]).toBe(best);
    });

    it('leaves out weak features and hidden ones', () => {
      const reasons = topReasons(
        [
          { feature: 'quality', value: 0.4, zh: '', en: '' },
          { feature: 'price', value: null, zh: '', en: '' },
          { feature: 'mode', value: 1, zh: 'm', en: 'm' },
        ],
        DEFAULT_WEIGHTS,
      );
      expect(reasons.map((r) => r.feature)).toEqual(['mode']);
    });
  });

  describe('approvalNotice', () => {
    it('tells the company which achievement fits its need, with score, reasons and its link', () => {
      const notice = approvalNotice('company', facts, DEFAULT_WEIGHTS);
      expect(notice).toMatchObject({
        type: 'recommendation.approved',
        subject: { type: 'recommendation.company', id: facts.recommendationId },
        recipients: { organisationIds: [facts.need.orgId], roles: ['enterprise'] },
        link: `/needs/${facts.need.id}/recommendations`,
      });
      expect(notice.title.zh).toBe(
        '推荐成果「高强韧镁合金板材连续轧制技术」匹配您的需求「新能源汽车电池包轻量化技术」',
      );
      expect(notice.title.en).toBe(
        'Recommended for your need "新能源汽车电池包轻量化技术": 高强韧镁合金板材连续轧制技术',
      );
      expect(notice.body.zh).toContain('匹配度：82%');
      expect(notice.body.zh).toContain('（重庆大学）');
      expect(notice.body.en).toContain('Match score: 82%');
      const reasons = topReasons(features, DEFAULT_WEIGHTS);
      for (const reason of reasons) {
        expect(notice.body.zh).toContain(`· ${reason.zh}`);
        expect(notice.body.en).toContain(`· ${reason.en}`);
      }
      expect(notice.data).toEqual({
        recommendationId: facts.recommendationId,
        needId: facts.need.id,
        achievementId: facts.achievement.id,
        score: 0.8234,
        reasons: reasons.map((r) => r.feature),
      });
    });

    it('tells the TTO which need its achievement was recommended for, hiding a confidential company', () => {
      const notice = approvalNotice('institution', facts, { ...DEFAULT_WEIGHTS, price: 10 });
      expect(notice).toMatchObject({
        subject: { type: 'recommendation.institution', id: facts.recommendationId },
        recipients: { organisationIds: [facts.achievement.orgId], roles: ['tto'] },
        link: `/achievements/${facts.achievement.id}/recommendations`,
      });
      expect(notice.title.zh).toBe(
        '您的成果「高强韧镁合金板材连续轧制技术」被推荐给需求「新能源汽车电池包轻量化技术」',
      );
      const text = `${notice.body.zh}\n${notice.body.en}`;
      expect(text).toContain('需求方信息保密');
      expect(text).toContain('company kept confidential');
      // Even weighted to the top, the budget never reaches the TTO of a summary_only need.
      expect(text).not.toContain('重庆长安');
      expect(text).not.toContain('200 万元');
      expect(text).not.toContain('2000000');
      expect(notice.data?.reasons).not.toContain('price');
    });

    it('names the company of a public need to the TTO', () => {
      const notice = approvalNotice(
        'institution',
        { ...facts, need: { ...facts.need, confidentiality: 'public' } },
        DEFAULT_WEIGHTS,
      );
      expect(notice.body.zh).toContain('（重庆长安轻量化科技有限公司）');
    });

    it('keeps titles within 200 characters however long the names', () => {
      const long = {
        ...facts,
        need: { ...facts.need, title: '需'.repeat(200) },
        achievement: { ...facts.achievement, title: 'A'.repeat(200) },
      };
      for (const side of ['company', 'institution'] as const) {
        const notice = approvalNotice(side, long, DEFAULT_WEIGHTS);
        expect([...notice.title.zh].length).toBeLessThanOrEqual(200);
        expect(notice.title.en.length).toBeLessThanOrEqual(200);
      }
    });
  });

  describe('connectionNotice', () => {
    it('tells both organisations, once, that they are connected and where to find the contacts', () => {
      const notice = connectionNotice({
        connectionId: '55555555-5555-4555-8555-555555555555',
        recommendationId: facts.recommendationId,
        need: { id: facts.need.id, orgId: facts.need.orgId, title: facts.need.title },
        achievement: { id: facts.achievement.id, orgId: facts.achievement.orgId, title: facts.achievement.title },
      });
      expect(notice).toMatchObject({
        type: 'connection.made',
        subject: { type: 'connection', id: '55555555-5555-4555-8555-555555555555' },
        recipients: { organisationIds: [facts.need.orgId, facts.achievement.orgId] },
        link: '/connections/55555555-5555-4555-8555-555555555555',
      });
      expect(notice.title.zh).toBe('已建立对接：「新能源汽车电池包轻量化技术」×「高强韧镁合金板材连续轧制技术」');
      expect(notice.body.en).toContain('you are now connected');
      expect(JSON.stringify(notice.data)).not.toMatch(/@|phone|email/i);
    });
  });

  describe('clip', () => {
    it('keeps short text and cuts long text by characters, with an ellipsis', () => {
      expect(clip('  镁合金 ', 10)).toBe('镁合金');
      expect(clip('一二三四五', 4)).toBe('一二三…');
    });
  });
});
