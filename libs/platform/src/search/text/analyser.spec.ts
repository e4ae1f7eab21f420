import { analyseDocument, analyseQuery, CHARACTER_WEIGHT, expandWord, FIELD_WEIGHTS, words } from './analyser';
import { synonymMap, synonymsIn } from './synonyms';

/** Whether some selecting query term occurs among the document's terms. */
function matches(query: string, text: string): boolean {
  const { frequencies } = analyseDocument({ summary: text });
  return analyseQuery(query).terms.some((t) => t.selects && frequencies.has(t.term));
}

describe('words', () => {
  it('segments Chinese with the domain dictionary and drops punctuation and stop words', () => {
    expect(words('石墨烯导热膜的制备工艺，与锂离子电池')).toEqual(['石墨烯', '导热膜', '制备', '工艺', '锂离子电池']);
  });

  it('normalises full-width text before segmenting', () => {
    expect(words('ＡＩ芯片')).toEqual(['ai', '芯片']);
  });
});

describe('expandWord', () => {
  it('adds bigrams of long Chinese words and their characters', () => {
    expect(expandWord('在建工程').map((t) => `${t.kind}:${t.term}`)).toEqual([
      'word:在建工程',
      'bigram:在建',
      'bigram:建工',
      'bigram:工程',
      'character:在',
      'character:建',
      'character:工',
      'character:程',
    ]);
  });

  it('splits joined latin tokens into their parts', () => {
    expect(expandWord('covid-19').map((t) => t.term)).toEqual(['covid-19', 'covid', '19']);
  });
});

describe('analyseDocument', () => {
  it('weights occurrences by field and term kind', () => {
    const { frequencies, length } = analyseDocument({ title: '电池', summary: '电池' });
    expect(frequencies.get('电池')).toBe(FIELD_WEIGHTS.title + FIELD_WEIGHTS.summary);
    expect(frequencies.get('电')).toBeCloseTo(CHARACTER_WEIGHT * 3);
    // (one word + two characters) in the title (×2) and in the summary (×1)
    expect(length).toBeCloseTo(3 * (1 + 2 * CHARACTER_WEIGHT));
  });
});

describe('analyseQuery — the acceptance cases', () => {
  it('简单 finds 安装简单', () => expect(matches('简单', '设备安装简单，维护方便')).toBe(true));
  it('处理 finds 待处理', () => expect(matches('处理', '企业有大量待处理的工业废水')).toBe(true));
  it('工程 finds 在建工程', () => expect(matches('工程', '在建工程的质量检测')).toBe(true));
  it('招商 公司 finds both words apart', () => {
    const { terms } = analyseQuery('招商 公司');
    const { frequencies } = analyseDocument({ summary: '负责招商工作，服务本地公司' });
    expect(terms.filter((t) => t.selects && frequencies.has(t.term)).map((t) => t.term)).toEqual(
      expect.arrayContaining(['招商', '公司']),
    );
  });

  it('does not select a document on a single shared character', () => {
    expect(matches('电池', '电机控制器')).toBe(false);
  });

  it('adds synonyms of what the query contains', () => {
    const { words: queryWords } = analyseQuery('AI 质检');
    expect(queryWords).toEqual(expect.arrayContaining(['ai', '质检', '人工智能']));
    expect(matches('电动汽车', '新能源汽车电机控制器')).toBe(true);
  });

  it('lists highlight terms longest first, without single characters', () => {
    expect(analyseQuery('锂离子电池').highlightTerms.every((t) => [...t].length >= 2)).toBe(true);
    expect(analyseQuery('锂离子电池').highlightTerms[0]).toBe('锂离子电池');
  });
});

describe('synonymsIn', () => {
  it('matches latin phrases only as whole words', () => {
    expect(synonymsIn('send an email')).toEqual([]);
    expect(synonymsIn('ai 芯片')).toEqual(expect.arrayContaining(['人工智能']));
  });

  it('does not repeat a phrase the query already has', () => {
    expect(synonymsIn('锂电池')).toEqual(['锂离子电池']);
  });
});

describe('synonymMap', () => {
  it('maps every phrase to the rest of its group', () => {
    expect(synonymMap([['a1', 'b1', 'c1']])).toEqual({ a1: ['b1', 'c1'], b1: ['a1', 'c1'], c1: ['a1', 'b1'] });
  });
});
