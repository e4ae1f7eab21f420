import { isHan, isWordLike, normalise, normaliseWithOffsets } from './normalise';

describe('normalise', () => {
  it('folds full-width letters, digits and punctuation to half-width and lower-cases', () => {
    expect(normalise('ＡＩ芯片，ＧＰＵ加速１２３')).toBe('ai芯片,gpu加速123');
  });

  it('collapses runs of white space, full-width spaces included, and trims', () => {
    expect(normalise('  锂电池\u3000\u3000正极 \n 材料  ')).toBe('锂电池 正极 材料');
  });

  it('leaves Chinese characters as they are (no traditional/simplified folding)', () => {
    expect(normalise('在建工程 電池')).toBe('在建工程 電池');
  });
});

describe('normaliseWithOffsets', () => {
  it('maps every normalised unit back to its source offset', () => {
    const source = 'Ａ  b锂';
    const { text, sourceOffsets } = normaliseWithOffsets(source);
    expect(text).toBe('a b锂');
    expect(sourceOffsets).toEqual([0, 1, 3, 4, 5]);
  });

  it('keeps offsets right when one source character expands', () => {
    const { text, sourceOffsets } = normaliseWithOffsets('㈱x');
    expect(text).toBe('(株)x');
    expect(sourceOffsets).toEqual([0, 0, 0, 1, 2]);
  });
});

describe('isHan / isWordLike', () => {
  it('tells Chinese characters, words and punctuation apart', () => {
    expect(isHan('电池')).toBe(true);
    expect(isHan('battery')).toBe(false);
    expect(isWordLike('，')).toBe(false);
    expect(isWordLike('5g')).toBe(true);
  });
});
