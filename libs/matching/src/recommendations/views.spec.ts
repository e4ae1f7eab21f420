import type { FeatureValue } from '../core/types';
import { featuresFor } from './views';

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
