import type { FeatureValue } from '../core/types';
import { achievementView, featuresFor, needForInstitution, needView, wholeNeed, type NeedFacts } from './views';

const need: NeedFacts = {
  id: 'n1',
  orgId: 'o1',
  orgName: '重庆长安轻量化科技有限公司',
  status: 'published',
  title: '新能源汽车电池包轻量化技术',
  summary: '寻求电池包壳体减重方案',
  keywords: ['电池包', '轻量化'],
  fieldCodes: ['light-alloy'],
  desiredStage: 'pilot',
  minTrl: 6,
  cooperationModes: ['licence'],
  regionCode: '500112',
  deadline: '2027-12-31',
  confidentiality: 'summary_only',
  description: '现有钢制电池包壳体重量偏大',
  problem: '减重 30%',
  indicators: '减重 ≥30%',
  existingConditions: '冲压产线',
  budgetMin: '500000.00',
  budgetMax: '2000000.00',
};

const features: FeatureValue[] = [
  { feature: 'keywords', value: 1, zh: '关键词重合：电池包', en: 'Keywords in common: 电池包' },
  {
    feature: 'price',
    value: 0.8,
    zh: '报价在预算（200 万元）之内',
    en: 'Asking price within the budget of 2000000 yuan',
  },
];

describe('recommendation views', () => {
  describe('needForInstitution', () => {
    it('shows a summary_only need by title, summary and keywords only', () => {
      expect(needForInstitution(need)).toEqual({
        id: 'n1',
        title: need.title,
        summary: need.summary,
        keywords: need.keywords,
        confidentiality: 'summary_only',
      });
    });

    it('shows a public need whole, with its owner and details', () => {
      const view = needForInstitution({ ...need, confidentiality: 'public' });
      expect(view).toMatchObject({
        organisation: { id: 'o1', name: need.orgName },
        details: { budgetMax: '2000000.00', problem: '减重 30%' },
      });
    });
  });

  describe('needView', () => {
    it('leaves the details out; wholeNeed adds them', () => {
      expect(needView(need)).not.toHaveProperty('details');
      expect(wholeNeed(need).details).toEqual({
        description: need.description,
        problem: need.problem,
        indicators: need.indicators,
        existingConditions: need.existingConditions,
        budgetMin: need.budgetMin,
        budgetMax: need.budgetMax,
      });
    });
  });

  describe('achievementView', () => {
    it('nests the owner as an organisation', () => {
      const view = achievementView({
        id: 'a1',
        orgId: 'o2',
        orgName: '重庆大学',
        status: 'published',
        title: '镁合金',
        summary: '',
        applicationScenarios: '',
        advantages: '',
        keywords: [],
        fieldCodes: [],
        ipType: null,
        patentNumbers: [],
        legalStatus: 'granted',
        trl: 6,
        maturityStage: null,
        transferModes: [],
        priceMin: null,
        priceMax: null,
        institutionName: '材料学院',
      });
      expect(view.organisation).toEqual({ id: 'o2', name: '重庆大学' });
      expect(view).not.toHaveProperty('orgId');
    });
  });

  describe('featuresFor', () => {
    it('gives the company every reason', () => {
      expect(featuresFor('company', features, 'summary_only')).toEqual(features);
    });

    it('gives the TTO every reason of a public need', () => {
      expect(featuresFor('institution', features, 'public')).toEqual(features);
    });

    it('hides the budget-derived price feature of a summary_only need from the TTO', () => {
      const shown = featuresFor('institution', features, 'summary_only');
      expect(shown[0]).toEqual(features[0]);
      expect(shown[1]).toEqual({
        feature: 'price',
        value: null,
        zh: '需求方未公开预算',
        en: 'The company keeps its budget private',
      });
      expect(JSON.stringify(shown)).not.toContain('200');
    });
  });
});
