import type { SearchDocument } from '../search-document';
import { filterExpression, indexSettings, settingsHold, toRecord } from './meilisearch-schema';

const doc: SearchDocument = {
  id: 'a-1',
  kind: 'achievement',
  ownerOrgId: 'org-1',
  title: '待处理工业废水的膜分离技术',
  summary: '安装简单',
  status: 'published',
  visibility: 'public',
  amount: { min: 100_000, max: null },
  updatedAt: '2025-03-01T00:00:00Z',
};

describe('filterExpression', () => {
  it('turns each filter into one clause, values quoted', () => {
    expect(
      filterExpression({
        kinds: ['achievement'],
        excludeOwnerOrgIds: ['org-"x"'],
        fieldCodes: ['0805', '0817'],
        status: ['published'],
      }),
    ).toEqual([
      'kind IN ["achievement"]',
      'ownerOrgId NOT IN ["org-\\"x\\""]',
      'fieldCodes IN ["0805", "0817"]',
      'status IN ["published"]',
    ]);
  });

  it('expresses an amount overlap with explicit open ends', () => {
    expect(filterExpression({ amount: { min: 50_000, max: 200_000 } })).toEqual([
      'hasAmount = true',
      'amountHigh >= 50000',
      'amountLow <= 200000',
    ]);
  });

  it('ignores empty lists', () => {
    expect(filterExpression({ kinds: [], regionCodes: [] })).toEqual([]);
  });
});

describe('toRecord', () => {
  it('adds the analysed sub-words and makes open amount ends explicit', () => {
    const record = toRecord(doc);
    expect(record.terms.split(' ')).toEqual(expect.arrayContaining(['待处理', '处理', '简单']));
    expect(record).toMatchObject({
      hasAmount: true,
      amountLow: 100_000,
      amountHigh: 1e15,
      updatedAtMs: Date.parse(doc.updatedAt as string),
    });
    expect(record.source.updatedAt).toBe('2025-03-01T00:00:00.000Z');
  });
});

describe('indexSettings', () => {
  it('makes every filtered attribute filterable', () => {
    const filterable = indexSettings().filterableAttributes as string[];
    const used = filterExpression({
      kinds: ['need'],
      ownerOrgIds: ['o'],
      excludeOwnerOrgIds: ['o'],
      fieldCodes: ['f'],
      regionCodes: ['r'],
      maturity: ['m'],
      ipTypes: ['i'],
      transferModes: ['t'],
      institutions: ['u'],
      status: ['s'],
      visibility: ['public'],
      amount: { min: 1, max: 2 },
    }).map((clause) => clause.split(' ')[0]);
    for (const attribute of used) expect(filterable).toContain(attribute);
  });
});

describe('settingsHold', () => {
  const wanted = indexSettings();
  /** The settings as the engine reports them: every key, lists of attributes in its own order. */
  const reported = () => ({
    ...wanted,
    filterableAttributes: [...(wanted.filterableAttributes as string[])].reverse(),
    distinctAttribute: null,
    stopWords: [],
  });

  it('holds when the engine reports our settings, extra keys and reordered attribute sets included', () => {
    expect(settingsHold(reported(), wanted)).toBe(true);
  });

  it('does not hold when the order of searchable attributes or ranking rules differs', () => {
    const searchable = [...(wanted.searchableAttributes as string[])].reverse();
    expect(settingsHold({ ...reported(), searchableAttributes: searchable }, wanted)).toBe(false);
    const rules = [...(wanted.rankingRules as string[])].reverse();
    expect(settingsHold({ ...reported(), rankingRules: rules }, wanted)).toBe(false);
  });

  it('does not hold when a filterable attribute or a synonym is missing, or a synonym is left over', () => {
    const filterable = (wanted.filterableAttributes as string[]).slice(1);
    expect(settingsHold({ ...reported(), filterableAttributes: filterable }, wanted)).toBe(false);
    const { ai: _dropped, ...fewer } = wanted.synonyms as Record<string, string[]>;
    expect(settingsHold({ ...reported(), synonyms: fewer }, wanted)).toBe(false);
    expect(settingsHold({ ...reported(), synonyms: { ...wanted.synonyms, extra: ['多余'] } }, wanted)).toBe(false);
  });

  it('does not hold when a nested setting differs', () => {
    expect(settingsHold({ ...reported(), pagination: { maxTotalHits: 5 } }, wanted)).toBe(false);
  });
});
