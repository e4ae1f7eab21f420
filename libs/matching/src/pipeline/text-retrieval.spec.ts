import { queryTerms, rarestWords, type TermStats } from '../core/text-relevance';
import { candidateSearches, HITS_PER_WORD, WORDS_SEARCHED, type PreparedText } from './text-retrieval';

/** A need whose words are held by 1, 2, 3 … listings, in the order they appear. */
function prepared(words: string[], df = new Map(words.map((word, i) => [word, i + 1]))): PreparedText {
  const text = words.join(' ');
  const query = queryTerms(text);
  const stats: TermStats = { documents: 1_000, averageLength: 50, df };
  return { text, kind: 'achievement', query, stats, words: rarestWords(query, stats, WORDS_SEARCHED) };
}

describe('candidateSearches', () => {
  it('searches the whole text, then each word on its own rarest first, all in the filters and the kind', () => {
    const need = prepared(['镁合金', '轧制', '轻量化', '汽车']);
    const searches = candidateSearches(need, { status: ['published'], excludeOwnerOrgIds: ['org-1'] }, 200);
    expect(searches.map((s) => [s.text, s.limit])).toEqual([
      [need.text, 200],
      ['镁合金', HITS_PER_WORD],
      ['轧制', HITS_PER_WORD],
      ['轻量化', HITS_PER_WORD],
      ['汽车', HITS_PER_WORD],
    ]);
    for (const search of searches) {
      expect(search.filters).toEqual({ status: ['published'], excludeOwnerOrgIds: ['org-1'], kinds: ['achievement'] });
    }
  });

  it('reaches past the twelve rarest words of a long text, up to its limit of words', () => {
    const words = (
      'magnesium alloy rolling sheet vehicle battery housing casting aluminium sensor radar vision robot welding ' +
      'laser coating polymer membrane catalyst hydrogen storage ceramic fibre composite turbine bearing gearbox ' +
      'hydraulic valve pump'
    ).split(' ');
    expect(words.length).toBeGreaterThan(WORDS_SEARCHED);
    const searches = candidateSearches(prepared(words), {}, 50);
    expect(searches).toHaveLength(1 + WORDS_SEARCHED);
    expect(searches.slice(1).map((s) => s.text)).toEqual(words.slice(0, WORDS_SEARCHED));
  });

  it('leaves out words no listing holds (nothing to find)', () => {
    const need = prepared(['镁合金', '轧制'], new Map([['轧制', 3]]));
    expect(candidateSearches(need, {}, 10).map((s) => s.text)).toEqual([need.text, '轧制']);
  });
});
