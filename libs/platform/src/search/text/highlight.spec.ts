import { highlight, markSnippet } from './highlight';

describe('highlight', () => {
  it('marks every occurrence of each term, merging overlaps', () => {
    const snippet = highlight('锂离子电池正极材料，电池寿命长', ['锂离子', '离子电池', '电池']);
    expect(markSnippet(snippet)).toBe('[锂离子电池]正极材料，[电池]寿命长');
  });

  it('matches on normalised text and marks the original characters', () => {
    const snippet = highlight('ＡＩ芯片设计', ['ai', '芯片']);
    expect(snippet.text).toBe('ＡＩ芯片设计');
    expect(markSnippet(snippet)).toBe('[ＡＩ芯片]设计');
  });

  it('returns the text without marks when nothing matches', () => {
    expect(highlight('在建工程', ['电池'])).toEqual({ text: '在建工程', marks: [] });
  });

  it('cuts a long text to a window around the matches, with ellipses', () => {
    const source = `${'甲'.repeat(100)}石墨烯导热膜${'乙'.repeat(100)}`;
    const snippet = highlight(source, ['石墨烯'], { maxLength: 40 });
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBe(42);
    expect(markSnippet(snippet)).toContain('[石墨烯]导热膜');
  });

  it('keeps the start of a long text when nothing matches', () => {
    const snippet = highlight('一'.repeat(50), ['二'], { maxLength: 10 });
    expect(snippet).toEqual({ text: `${'一'.repeat(10)}…`, marks: [] });
  });
});
