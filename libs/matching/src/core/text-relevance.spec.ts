import { documentTerms, idf, queryTerms, rarestWords, textMatch, type TermStats } from './text-relevance';
import type { SearchDocument } from '@kuaizhuan/platform';

function doc(id: string, title: string, summary: string): SearchDocument {
  return {
    id,
    kind: 'achievement',
    ownerOrgId: 'u',
    title,
    summary,
    status: 'published',
    visibility: 'public',
    updatedAt: '2026-01-01',
  };
}

/** Document frequencies over a small corpus, as TermStatistics would count them. */
function statsOf(docs: SearchDocument[]): TermStats {
  const df = new Map<string, number>();
  let length = 0;
  for (const d of docs) {
    const terms = documentTerms(d);
    length += terms.length;
    for (const term of terms.frequencies.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { documents: docs.length, averageLength: length / docs.length, df };
}

const corpus = [
  doc('a', '火锅底料自动化炒制技术', '一种火锅底料的自动化炒制工艺与设备，提高生产效率。'),
  doc('b', '生猪育种新技术', '利用基因组选择提高生猪育种效率的技术。'),
  doc('c', '饲料酶制剂', '一种提高饲料利用率的复合酶制剂及其生产工艺。'),
  doc('d', '火锅底料非热杀菌保鲜技术', '采用高压非热杀菌延长火锅底料保质期，保持风味。'),
];
const stats = statsOf(corpus);

describe('textMatch', () => {
  it('gives a near-copy nearly all of the need and a stranger little', () => {
    const need = queryTerms('火锅底料非热杀菌保鲜技术');
    const copy = textMatch(need, documentTerms(corpus[3]), stats);
    const stranger = textMatch(need, documentTerms(corpus[1]), stats);
    expect(copy.coverage).toBeGreaterThan(0.95);
    expect(stranger.coverage).toBeLessThan(0.2);
    expect(copy.bm25).toBeGreaterThan(stranger.bm25);
    expect(copy.shared[0]).not.toBe('技术');
  });

  it('weighs a rare word above a common one', () => {
    expect(idf(1, 100)).toBeGreaterThan(idf(50, 100));
    const need = queryTerms('火锅底料杀菌');
    const shared = textMatch(need, documentTerms(corpus[0]), stats);
    expect(shared.coverage).toBeGreaterThan(0);
    expect(shared.coverage).toBeLessThan(textMatch(need, documentTerms(corpus[3]), stats).coverage);
  });

  it('is 0 for an empty query', () => {
    expect(textMatch([], documentTerms(corpus[0]), stats)).toEqual({ coverage: 0, bm25: 0, shared: [] });
  });
});

describe('rarestWords', () => {
  it('lists the words some document holds, rarest first', () => {
    const words = rarestWords(queryTerms('杀菌 技术 量子'), stats, 5);
    expect(words[0]).toBe('杀菌');
    expect(words).not.toContain('量子');
  });
});
