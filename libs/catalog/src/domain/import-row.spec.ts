import {
  duplicateReferenceProblems,
  headerKey,
  headerProblems,
  validateAchievementRow,
  type ImportColumn,
  type TermResolver,
} from './import-row';

const terms: Record<string, Record<string, string>> = {
  field: { 'advanced-materials': 'advanced-materials', 先进材料: 'advanced-materials', 'light-alloy': 'light-alloy' },
  ip_type: { invention_patent: 'invention_patent', 发明专利: 'invention_patent' },
  maturity_stage: { pilot: 'pilot', 中试: 'pilot' },
};
const resolve: TermResolver = (kind, text) => terms[kind]?.[text];

function goodRow(overrides: Partial<Record<ImportColumn, string>> = {}): Partial<Record<ImportColumn, string>> {
  return {
    reference: 'CQU-2026-001',
    title: '高强韧镁合金板材轧制技术',
    summary: '一种镁合金板材的连续轧制工艺',
    fields: '先进材料; light-alloy',
    transfer_modes: '转让；licence',
    ip_type: '发明专利',
    legal_status: 'granted',
    trl: '6',
    maturity_stage: '中试',
    price_min: '1,000,000',
    price_max: '2000000.5',
    separate_ledger: '是',
    keywords: '镁合金，轧制',
    ...overrides,
  };
}

describe('import rows', () => {
  describe('validateAchievementRow', () => {
    it('turns a good row into an achievement, resolving names to codes and amounts to decimals', () => {
      const result = validateAchievementRow(2, goodRow(), resolve);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).toMatchObject({
        row: 2,
        reference: 'CQU-2026-001',
        fieldCodes: ['advanced-materials', 'light-alloy'],
        transferModes: ['transfer', 'licence'],
        ipType: 'invention_patent',
        legalStatus: 'granted',
        trl: 6,
        maturityStage: 'pilot',
        priceMin: '1000000.00',
        priceMax: '2000000.50',
        separateLedger: true,
        keywords: ['镁合金', '轧制'],
      });
      expect(result.value.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('gives the same hash to the same content and a different one to changed content', () => {
      const a = validateAchievementRow(2, goodRow(), resolve);
      const b = validateAchievementRow(9, goodRow(), resolve);
      const c = validateAchievementRow(2, goodRow({ title: '另一个名称' }), resolve);
      expect(a.ok && b.ok && c.ok).toBe(true);
      if (!a.ok || !b.ok || !c.ok) return;
      expect(a.value.hash).toBe(b.value.hash);
      expect(c.value.hash).not.toBe(a.value.hash);
    });

    it('reports every bad cell with its row and column', () => {
      const result = validateAchievementRow(
        7,
        goodRow({
          title: '',
          trl: '10',
          fields: '先进材料;火星农业',
          price_min: '-5',
          transfer_modes: 'barter',
          separate_ledger: 'maybe',
        }),
        resolve,
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toEqual([
        { row: 7, column: 'title', reason: 'title is required', code: 'required' },
        {
          row: 7,
          column: 'fields',
          reason: 'unknown field "火星农业"',
          code: 'unknown_field',
          params: { value: '火星农业' },
        },
        {
          row: 7,
          column: 'transfer_modes',
          reason: 'unknown transfer mode "barter"',
          code: 'unknown_transfer_mode',
          params: { value: 'barter' },
        },
        {
          row: 7,
          column: 'trl',
          reason: 'trl must be a whole number from 1 to 9',
          code: 'trl',
          params: { min: 1, max: 9 },
        },
        {
          row: 7,
          column: 'price_min',
          reason: 'price_min must be an amount in yuan with at most 2 decimals',
          code: 'amount',
        },
        { row: 7, column: 'separate_ledger', reason: 'separate_ledger must be yes or no', code: 'yes_no' },
      ]);
    });

    it('refuses a price range whose minimum exceeds its maximum', () => {
      const result = validateAchievementRow(3, goodRow({ price_min: '300', price_max: '200' }), resolve);
      expect(result).toEqual({
        ok: false,
        problems: [
          { row: 3, column: 'price_min', reason: 'price_min must not be greater than price_max', code: 'price_range' },
        ],
      });
    });

    it('refuses text over its limit', () => {
      const result = validateAchievementRow(4, goodRow({ title: '长'.repeat(201) }), resolve);
      expect(result).toEqual({
        ok: false,
        problems: [
          {
            row: 4,
            column: 'title',
            reason: 'title is longer than 200 characters',
            code: 'too_long',
            params: { limit: 200 },
          },
        ],
      });
    });
  });

  describe('headerProblems', () => {
    it('accepts keys or Chinese labels in any order', () => {
      expect(headerProblems(['\uFEFF成果编号', 'title', '成果简介', 'fields', '转化方式'])).toEqual([]);
      expect(headerKey('成果名称')).toBe('title');
    });

    it('reads the template’s headers, the Chinese name with the key in brackets', () => {
      expect(headerKey('成果名称 (title)')).toBe('title');
      expect(headerKey('\uFEFF成果编号 (reference)')).toBe('reference');
      expect(headerKey('技术成熟度(TRL) (trl)')).toBe('trl');
      expect(headerKey('最低价格（元）（price_min）')).toBe('price_min');
      expect(headerKey('名称 (colour)')).toBeUndefined();
    });

    it('names missing, unknown and repeated columns', () => {
      expect(headerProblems(['reference', 'title', 'title', 'colour', 'fields', 'transfer_modes'])).toEqual([
        { row: 1, column: 'title', reason: 'column title appears twice', code: 'duplicate_column' },
        { row: 1, column: 'colour', reason: 'unknown column "colour"', code: 'unknown_column' },
        { row: 1, column: 'summary', reason: 'required column summary is missing', code: 'missing_column' },
      ]);
    });
  });

  describe('duplicateReferenceProblems', () => {
    it('reports later rows that repeat a reference, naming the first row', () => {
      expect(
        duplicateReferenceProblems([
          { row: 2, reference: 'A' },
          { row: 3, reference: 'B' },
          { row: 4, reference: 'A' },
        ]),
      ).toEqual([
        {
          row: 4,
          column: 'reference',
          reason: 'reference "A" is already used in row 2',
          code: 'duplicate_reference',
          params: { reference: 'A', earlier: 2 },
        },
      ]);
    });
  });
});
