import {
  rankResearchers,
  researchAreaFeature,
  researcherFieldFeature,
  RESEARCHER_INTERCEPT,
  RESEARCHER_WEIGHTS,
  type NeedTopics,
  type ResearcherCandidate,
} from './researcher-score';

const need: NeedTopics = {
  keywords: ['电池包', '轻量化'],
  fieldCodes: ['light-alloy'],
  categoryCodes: ['advanced-materials'],
};

function researcher(id: string, overrides: Partial<ResearcherCandidate> = {}): ResearcherCandidate {
  return {
    id,
    orgId: 'o1',
    researchAreas: [],
    fieldCodes: [],
    categoryCodes: [],
    text: '',
    textScore: 1,
    coverage: 0.5,
    sharedWords: [],
    ...overrides,
  };
}

const names = (code: string): string => ({ 'light-alloy': '轻合金' })[code] ?? code;

describe('researcher ranking', () => {
  describe('researchAreaFeature', () => {
    it('counts the need keywords found in research areas or the profile', () => {
      const f = researchAreaFeature(need, researcher('r', { researchAreas: ['汽车轻量化'], text: '' }));
      expect(f).toEqual({
        feature: 'keywords',
        value: 0.5,
        zh: '研究方向命中：轻量化',
        en: 'Research areas match: 轻量化',
      });
      expect(researchAreaFeature(need, researcher('r', { text: '电池包 轻量化结构' })).value).toBe(1);
    });

    it('is 0 when nothing matches and neutral when the need has no keywords', () => {
      expect(researchAreaFeature(need, researcher('r', { researchAreas: ['水稻育种'] })).value).toBe(0);
      expect(researchAreaFeature({ ...need, keywords: [] }, researcher('r')).value).toBe(0.5);
    });
  });

  describe('researcherFieldFeature', () => {
    it('gives 1 for a shared field, 0.5 for the same category, 0 otherwise', () => {
      expect(researcherFieldFeature(need, researcher('r', { fieldCodes: ['light-alloy'] }), names)).toMatchObject({
        value: 1,
        zh: '同属轻合金领域',
      });
      expect(
        researcherFieldFeature(need, researcher('r', { categoryCodes: ['advanced-materials'] }), names).value,
      ).toBe(0.5);
      expect(researcherFieldFeature(need, researcher('r', { fieldCodes: ['rice'] }), names).value).toBe(0);
      expect(researcherFieldFeature({ ...need, fieldCodes: [], categoryCodes: [] }, researcher('r'), names).value).toBe(
        0.5,
      );
    });
  });

  describe('rankResearchers', () => {
    it('combines text, research areas and field into the calibrated score, best first, keeping the top k above the floor', () => {
      const candidates = [
        researcher('weak', { textScore: 0.1, coverage: 0.05, researchAreas: ['水稻'] }),
        researcher('b', { textScore: 2, coverage: 0.5, researchAreas: ['轻量化'], fieldCodes: ['light-alloy'] }),
        researcher('a', {
          textScore: 4,
          coverage: 1,
          sharedWords: ['电池包'],
          researchAreas: ['电池包', '轻量化'],
          fieldCodes: ['light-alloy'],
        }),
      ];
      const ranked = rankResearchers(need, candidates, { topK: 5, floor: 0.2, fieldName: names });
      expect(ranked.map((r) => r.researcherId)).toEqual(['a', 'b']);
      const logistic = (z: number) => 1 / (1 + Math.exp(-z));
      const w = RESEARCHER_WEIGHTS;
      expect(ranked[0].score).toBeCloseTo(logistic(RESEARCHER_INTERCEPT + 0.5 * (w.text + w.keywords + w.field)), 5);
      expect(ranked[1].score).toBeCloseTo(logistic(RESEARCHER_INTERCEPT + 0.5 * w.field), 5);
      expect(ranked[0].features.map((f) => f.feature)).toEqual(['text', 'keywords', 'field']);
      expect(rankResearchers(need, candidates, { topK: 1, floor: 0, fieldName: names })).toHaveLength(1);
    });

    it('breaks ties by id and gives nothing for no candidates', () => {
      const twins = [researcher('y'), researcher('x')];
      expect(rankResearchers(need, twins, { topK: 5, floor: 0, fieldName: names }).map((r) => r.researcherId)).toEqual([
        'x',
        'y',
      ]);
      expect(rankResearchers(need, [], { topK: 5, floor: 0, fieldName: names })).toEqual([]);
    });

    it('counts research areas as much as text, and the field less', () => {
      expect(RESEARCHER_WEIGHTS.keywords).toBe(RESEARCHER_WEIGHTS.text);
      expect(RESEARCHER_WEIGHTS.field).toBeLessThan(RESEARCHER_WEIGHTS.text);
    });
  });
});
