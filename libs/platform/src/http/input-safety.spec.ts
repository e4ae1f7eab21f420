import { InputSafetyPipe, isPlausibleDate, jsonDepthExceeds, stringProblem } from './input-safety';

describe('stringProblem', () => {
  it('refuses NUL anywhere, and text with nothing visible', () => {
    expect(stringProblem('a\u0000b')).toMatch(/NUL/);
    for (const text of ['   ', '\u200b\u200c\ufeff', '\u0001\u0002', '\u2060\u00a0'])
      expect(stringProblem(text)).toMatch(/visible/);
  });

  it('accepts ordinary text, the empty string, and blank query values', () => {
    for (const text of ['镁合金', 'a', '', ' x ', '😀']) expect(stringProblem(text)).toBeNull();
    expect(stringProblem('   ', false)).toBeNull();
    expect(stringProblem('x\u0000', false)).toMatch(/NUL/);
  });
});

describe('jsonDepthExceeds', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepthExceeds(Buffer.from('[[[1]]]'), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('[[[[1]]]]'), 3)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from('{"a":"[[[[[[\\"[[[["}'), 1)).toBe(false);
  });
});

describe(InputSafetyPipe.name, () => {
  const pipe = new InputSafetyPipe();

  it('names the field at fault in a body, a query or a path parameter', () => {
    expect(() => pipe.transform({ a: { b: ['ok', 'x\u0000'] } }, { type: 'body' })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'a.b[1]' })] }),
    );
    expect(() => pipe.transform({ q: 'x\u0000y' }, { type: 'query' })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'q' })] }),
    );
    expect(() => pipe.transform('x\u0000', { type: 'param', data: 'id' })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'id' })] }),
    );
    expect(pipe.transform({ q: '  ' }, { type: 'query' })).toEqual({ q: '  ' });
  });
});

describe('isPlausibleDate', () => {
  it('takes real days from 2000 to 2100 only', () => {
    expect(isPlausibleDate('2027-12-31')).toBe(true);
    for (const date of ['1900-01-01', '9999-12-31', '2026-02-30', '2026-1-1', 20270101]) {
      expect(isPlausibleDate(date)).toBe(false);
    }
  });
});
