import { achievementView, needForInstitution, needView, wholeNeed, type NeedFacts } from './listing-projection';

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

describe('listing projection', () => {
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
});
