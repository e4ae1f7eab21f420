import Decimal from 'decimal.js';
import type { SearchDocument } from '@kuaizhuan/platform';
import { Environment } from '@kuaizhuan/platform';
import { combine, DEFAULT_WEIGHTS, nearCopyProbability, rankForNeed, validateWeights } from './score';
import { documentTerms, queryTerms, textMatch, type TermStats } from './text-relevance';
import type { AchievementProfile, Candidate, NeedProfile } from './types';

/** The platform's configured floor for need → achievements. */
const FLOOR = new Environment().MATCH_FLOOR;

function doc(id: string, title: string, summary: string, field: string): SearchDocument {
  return {
    id,
    kind: 'achievement',
    ownerOrgId: 'university',
    title,
    summary,
    fieldCodes: [field],
    status: 'published',
    visibility: 'public',
    updatedAt: '2026-01-01',
  };
}

/** Document frequencies over a small corpus, as TermStatistics counts them. */
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

const now = new Date('2026-11-01T00:00:00Z');

function need(overrides: Partial<NeedProfile> = {}): NeedProfile {
  return {
    id: 'n1',
    orgId: 'company',
    keywords: [],
    fieldCodes: [],
    categoryCodes: [],
    desiredTrl: null,
    budget: { min: null, max: null },
    modes: [],
    regionCode: null,
    ...overrides,
  };
}

function achievement(id: string, overrides: Partial<AchievementProfile> = {}): AchievementProfile {
  return {
    id,
    orgId: 'university',
    title: id,
    keywords: [],
    text: '',
    fieldCodes: [],
    categoryCodes: [],
    trl: null,
    price: { min: null, max: null },
    modes: [],
    regionCode: null,
    publishedAt: now,
    quality: 0.5,
    feedback: { interested: 0, declined: 0, rejected: 0 },
    ...overrides,
  };
}

/** A candidate whose text holds `textScore` tenths of the need's wording (BM25 alike, for ties). */
const hit = (a: AchievementProfile, textScore: number): Candidate => ({
  achievement: a,
  textScore,
  coverage: Math.min(1, textScore / 10),
  sharedWords: textScore > 0 ? ['词'] : [],
});

describe('rankForNeed', () => {
  it('ranks by text relevance when nothing else tells candidates apart', () => {
    const ranked = rankForNeed(need(), [hit(achievement('a'), 2), hit(achievement('b'), 8), hit(achievement('c'), 5)], {
      now,
    });
    expect(ranked.map((r) => r.achievementId)).toEqual(['b', 'c', 'a']);
  });

  it('never recommends the need owner its own achievement', () => {
    const own = achievement('own', { orgId: 'company' });
    const ranked = rankForNeed(need(), [hit(own, 10), hit(achievement('other'), 1)], { now });
    expect(ranked.map((r) => r.achievementId)).toEqual(['other']);
  });

  it('lifts candidates of the field the best text hits agree on', () => {
    const cs = [
      hit(achievement('cs-1', { fieldCodes: ['cs'], categoryCodes: ['eng'] }), 10),
      hit(achievement('cs-2', { fieldCodes: ['cs'], categoryCodes: ['eng'] }), 9),
      hit(achievement('law-1', { fieldCodes: ['law'], categoryCodes: ['law'] }), 6),
      hit(achievement('cs-3', { fieldCodes: ['cs'], categoryCodes: ['eng'] }), 5),
    ];
    const ranked = rankForNeed(need({ categoryCodes: ['eng'] }), cs, { now });
    expect(ranked.map((r) => r.achievementId)).toEqual(['cs-1', 'cs-2', 'cs-3', 'law-1']);
  });

  it('uses the fields the company chose over inference', () => {
    const ranked = rankForNeed(
      need({ fieldCodes: ['materials'] }),
      [hit(achievement('a', { fieldCodes: ['cs'] }), 10), hit(achievement('b', { fieldCodes: ['materials'] }), 6)],
      { now },
    );
    expect(ranked[0].achievementId).toBe('b');
    expect(ranked[0].features.find((f) => f.feature === 'field')?.value).toBe(1);
  });

  it('keeps the top k above the floor', () => {
    // Half in the field the best hits agree on, half in another category.
    const cs = Array.from({ length: 30 }, (_, i) =>
      hit(
        achievement(`a${i}`, i % 2 === 0 ? { fieldCodes: ['cs'], categoryCodes: ['eng'] } : { fieldCodes: ['law'] }),
        30 - i,
      ),
    );
    expect(rankForNeed(need({ categoryCodes: ['eng'] }), cs, { now, topK: 5 })).toHaveLength(5);
    const floored = rankForNeed(need({ categoryCodes: ['eng'] }), cs, { now, floor: 0.3, topK: 30 });
    expect(floored.length).toBeGreaterThan(0);
    expect(floored.every((r) => r.score >= 0.3)).toBe(true);
    expect(floored.length).toBeLessThan(30);
  });

  it('explains every feature in Chinese and English', () => {
    const [top] = rankForNeed(
      need({
        keywords: ['锂电池'],
        budget: { min: null, max: new Decimal('500000') },
        desiredTrl: 6,
        regionCode: '500106',
        modes: ['licence'],
      }),
      [
        hit(
          achievement('a', {
            keywords: ['锂电池', '正极材料'],
            price: { min: new Decimal('300000'), max: new Decimal('400000') },
            trl: 7,
            regionCode: '500108',
            modes: ['licence', 'transfer'],
          }),
          3,
        ),
      ],
      { now },
    );
    expect(top.features).toHaveLength(10);
    for (const f of top.features) {
      expect(f.zh.length).toBeGreaterThan(0);
      expect(f.en.length).toBeGreaterThan(0);
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThanOrEqual(1);
    }
    const byName = Object.fromEntries(top.features.map((f) => [f.feature, f.value]));
    expect(byName).toMatchObject({ keywords: 1, price: 1, maturity: 1, locality: 1, mode: 1 });
  });
});

describe('combine', () => {
  it('is the logistic of the intercept plus each weight times the value off neutral', () => {
    const weights = { ...DEFAULT_WEIGHTS, text: 2, field: 4 };
    const value = combine(
      [
        { feature: 'text', value: 1, zh: '', en: '' },
        { feature: 'field', value: 0, zh: '', en: '' },
        { feature: 'price', value: 0.5, zh: '', en: '' },
      ],
      weights,
      0.5,
    );
    // z = 0.5 + 2 × 0.5 + 4 × (−0.5) + price × 0 = −0.5
    expect(value).toBeCloseTo(1 / (1 + Math.exp(0.5)));
  });
});

describe('validateWeights', () => {
  it('refuses a negative weight, naming it', () => {
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, price: -1 })).toThrow(/price/);
  });

  it('refuses weights that are all zero', () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])) as typeof DEFAULT_WEIGHTS;
    expect(() => validateWeights(zero)).toThrow(/positive/);
  });
});

describe('the calibrated score', () => {
  // A small catalogue of livestock and crop results; the need asks for non-thermal sterilisation
  // of hotpot base (food), which nothing listed is about.
  const corpus = [
    doc('pigs', '生猪育种新技术', '利用基因组选择提高生猪育种效率的技术。', 'animal'),
    doc('enzyme', '饲料酶制剂', '一种提高饲料利用率的复合酶制剂及其生产工艺。', 'animal'),
    doc('rice', '水稻抗病品种选育', '通过分子标记辅助选择培育抗稻瘟病水稻新品种。', 'crops'),
  ];
  const sterilise = doc(
    'sterilise',
    '火锅底料非热杀菌保鲜技术',
    '采用高压非热杀菌延长火锅底料保质期，保持风味。',
    'food',
  );
  const needText = '火锅底料非热杀菌保鲜技术 延长火锅底料保质期';

  function candidates(docs: SearchDocument[]): Candidate[] {
    const stats = statsOf([...docs, ...corpus.filter((d) => !docs.includes(d))]);
    const query = queryTerms(needText);
    return docs.map((d) => {
      const match = textMatch(query, documentTerms(d), stats);
      return {
        achievement: achievement(d.id, { fieldCodes: d.fieldCodes, categoryCodes: d.fieldCodes }),
        textScore: match.bm25,
        coverage: match.coverage,
        sharedWords: match.shared,
      };
    });
  }

  it('keeps nothing for a need nothing relevant is listed for', () => {
    const ranked = rankForNeed(need({ categoryCodes: ['food'] }), candidates(corpus), { now, floor: FLOOR });
    expect(ranked).toEqual([]);
  });

  it('scores a near-copy high, and keeps only it', () => {
    const ranked = rankForNeed(need({ categoryCodes: ['food'] }), candidates([...corpus, sterilise]), {
      now,
      floor: FLOOR,
    });
    expect(ranked.map((r) => r.achievementId)).toEqual(['sterilise']);
    expect(ranked[0].score).toBeGreaterThanOrEqual(0.8);
  });

  it('means the same for every need: a listing scores alike however good or poor the others are', () => {
    const alone = rankForNeed(need({ categoryCodes: ['food'] }), candidates([sterilise]), { now });
    const among = rankForNeed(need({ categoryCodes: ['food'] }), candidates([...corpus, sterilise]), { now });
    expect(among.find((r) => r.achievementId === 'sterilise')?.score).toBeCloseTo(alone[0].score, 6);
  });
});

describe('the near-copy way to be worth a look', () => {
  it('rises with the share of the need the listing covers, and is low for a partial overlap', () => {
    const at = [0.3, 0.5, 0.6, 0.72, 0.8].map(nearCopyProbability);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at[0]).toBeLessThan(0.05);
    expect(at[3]).toBeGreaterThan(0.9);
  });

  it("keeps a listing that covers most of a company's own wording though the field it infers is another", () => {
    // Two hits in another field outvote the close fit's field, so the field model alone reads it low.
    const candidates = [
      hit(achievement('close', { fieldCodes: ['food'], categoryCodes: ['eng'] }), 7.2),
      hit(achievement('other-1', { fieldCodes: ['machines'], categoryCodes: ['eng'] }), 2),
      hit(achievement('other-2', { fieldCodes: ['machines'], categoryCodes: ['eng'] }), 2),
    ];
    const byFeatures = rankForNeed(need(), candidates, { now, floor: 0 }).find((r) => r.achievementId === 'close')!;
    expect(combine(byFeatures.features, DEFAULT_WEIGHTS)).toBeLessThan(FLOOR);

    const kept = rankForNeed(need(), candidates, { now, floor: FLOOR });
    expect(kept.map((r) => r.achievementId)).toEqual(['close']);
    expect(kept[0].score).toBeCloseTo(nearCopyProbability(0.72), 6);
    const text = kept[0].features.find((f) => f.feature === 'text')!;
    expect(text.en).toMatch(/the text decides the score/);
    expect(text.zh).toMatch(/按文本计分/);
  });

  it('says the text decided only for a near-copy, not for a poor pair both models read low', () => {
    // Half the need covered, in a field the other hits outvote: the near-copy model scores it
    // higher than the field model, but well short of even odds.
    const ranked = rankForNeed(
      need(),
      [
        hit(achievement('half', { fieldCodes: ['food'], categoryCodes: ['eng'] }), 5),
        hit(achievement('other-1', { fieldCodes: ['machines'], categoryCodes: ['eng'] }), 2),
        hit(achievement('other-2', { fieldCodes: ['machines'], categoryCodes: ['eng'] }), 2),
      ],
      { now },
    );
    const half = ranked.find((r) => r.achievementId === 'half')!;
    expect(combine(half.features, DEFAULT_WEIGHTS)).toBeLessThan(half.score);
    expect(half.score).toBeCloseTo(nearCopyProbability(0.5), 6);
    expect(half.score).toBeLessThan(0.5);
    expect(half.features.find((f) => f.feature === 'text')!.en).not.toMatch(/decides/);
  });

  it('leaves the explanation alone where the features score higher', () => {
    const [ranked] = rankForNeed(need({ fieldCodes: ['food'] }), [hit(achievement('a', { fieldCodes: ['food'] }), 3)], {
      now,
    });
    expect(ranked.score).toBeGreaterThan(nearCopyProbability(0.3));
    expect(ranked.features.find((f) => f.feature === 'text')!.en).not.toMatch(/decides/);
  });
});
