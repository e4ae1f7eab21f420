import { categoryCode, disciplineCodes, type FieldTerm } from './dataset';

const terms: FieldTerm[] = [
  { code: 'disc-07', nameZh: '理学', parentCode: 'disciplines' },
  { code: 'disc-08', nameZh: '工学', parentCode: 'disciplines' },
  { code: 'disc-06', nameZh: '历史学', parentCode: 'disciplines' },
  { code: 'disc-0703', nameZh: '化学', parentCode: 'disc-07' },
  { code: 'disc-0817', nameZh: '化学工程与技术', parentCode: 'disc-08' },
  { code: 'disc-0836', nameZh: '生物工程', parentCode: 'disc-08' },
  { code: 'light-alloy', nameZh: '轻合金材料', parentCode: 'cq-100b' },
];

describe('disciplineCodes', () => {
  it('maps each part of a combined label to its discipline', () => {
    expect(disciplineCodes('化学/化学工程与技术', terms)).toEqual(['disc-0703', 'disc-0817']);
  });

  it('falls back to the category when the label names one', () => {
    expect(disciplineCodes('历史学', terms)).toEqual(['disc-06']);
  });

  it('knows the catalogue wording of a differently named discipline', () => {
    expect(disciplineCodes('生物科学与工程', terms)).toEqual(['disc-0836']);
  });

  it('maps nothing for an unknown or missing label', () => {
    expect(disciplineCodes('不存在的学科', terms)).toEqual([]);
    expect(disciplineCodes(undefined, terms)).toEqual([]);
  });
});

describe('categoryCode', () => {
  it('finds the category by name, and only among categories', () => {
    expect(categoryCode('工学', terms)).toEqual(['disc-08']);
    expect(categoryCode('化学', terms)).toEqual([]);
  });
});
