import { describe, expect, it } from '@jest/globals';
import { compact, namePath } from './forms';

describe('namePath', () => {
  it('turns an api field path into a form name path, list indexes as numbers', () => {
    expect(namePath('title')).toEqual(['title']);
    expect(namePath('organisation.creditCode')).toEqual(['organisation', 'creditCode']);
    expect(namePath('contributions[1].sharePercent')).toEqual(['contributions', 1, 'sharePercent']);
    expect(namePath('ufpl.schedule[0][2]')).toEqual(['ufpl', 'schedule', 0, 2]);
  });
});

describe('compact', () => {
  it('drops blank strings, empty lists and missing values, and keeps zero and false', () => {
    expect(compact({ a: '', b: [], c: null, d: undefined, e: 0, f: false, g: 'x', h: ['y'] })).toEqual({
      e: 0,
      f: false,
      g: 'x',
      h: ['y'],
    });
  });
});
