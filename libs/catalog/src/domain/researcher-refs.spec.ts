import { resolveResearcherRefs } from './researcher-refs';

const people = [
  { id: 'a', externalRef: 'R-1', email: 'he.jianguo@cqu.example', name: '何建国' },
  { id: 'b', externalRef: null, email: 'li.na@cqu.example', name: '李娜' },
  { id: 'c', externalRef: 'R-3', email: null, name: '王伟' },
  { id: 'd', externalRef: 'R-4', email: 'wang.wei2@cqu.example', name: '王伟' },
];

describe('resolveResearcherRefs', () => {
  it('finds researchers by reference, e-mail in any case and name, in the order given', () => {
    expect(resolveResearcherRefs(['何建国', 'LI.NA@cqu.example', 'R-3'], people)).toEqual({
      ok: true,
      ids: ['a', 'b', 'c'],
    });
  });

  it('names the same researcher once however the row names them', () => {
    expect(resolveResearcherRefs(['R-1', '何建国', 'he.jianguo@cqu.example'], people)).toEqual({
      ok: true,
      ids: ['a'],
    });
  });

  it('reports a name two researchers share as ambiguous, with how many share it', () => {
    expect(resolveResearcherRefs(['王伟'], people)).toEqual({
      ok: false,
      unknown: [],
      ambiguous: [{ ref: '王伟', count: 2 }],
    });
  });

  it('reports names, e-mails and references nobody has as unknown', () => {
    expect(resolveResearcherRefs(['张三', 'nobody@cqu.example', 'R-404', '李娜'], people)).toEqual({
      ok: false,
      unknown: ['张三', 'nobody@cqu.example', 'R-404'],
      ambiguous: [],
    });
  });
});
