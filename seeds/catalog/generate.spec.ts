import { completeCreditCode, isValidCreditCode } from '@kuaizhuan/identity';
import { CLUSTERS, parseMetric } from './clusters';
import { DEMO_ACHIEVEMENTS, DEMO_NEEDS, DEMO_RESEARCHERS, demoCatalog } from './demo-catalog';
import { generateCatalog } from './generate';
import { DEMO_COMPANIES, DEMO_INSTITUTIONS, DISTRICTS } from './organisations';
import { applicationCheckDigit } from './patents';
import { randomFor } from './random';

const catalog = demoCatalog();
const achievements = new Map(catalog.achievements.map((a) => [a.ref, a]));
const AMOUNT = /^\d{1,12}\.\d{2}$/;

function texts(record: object): string[] {
  return Object.values(record).flatMap((value: unknown) =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [],
  );
}

describe('demo catalogue generator', () => {
  it('is deterministic: the same code writes the same catalogue', () => {
    expect(generateCatalog()).toEqual(generateCatalog());
    expect(randomFor('x', 1).next()).toBe(randomFor('x', 1).next());
    expect(randomFor('x', 1).next()).not.toBe(randomFor('x', 2).next());
  });

  it('keeps the hand-written listings first and writes a few hundred more', () => {
    expect(catalog.researchers.slice(0, DEMO_RESEARCHERS.length)).toEqual(DEMO_RESEARCHERS);
    expect(catalog.achievements.slice(0, DEMO_ACHIEVEMENTS.length)).toEqual(DEMO_ACHIEVEMENTS);
    expect(catalog.needs.slice(0, DEMO_NEEDS.length)).toEqual(DEMO_NEEDS);
    expect(catalog.researchers.length).toBeGreaterThanOrEqual(110);
    expect(catalog.achievements.length).toBeGreaterThanOrEqual(280);
    expect(catalog.needs.length).toBeGreaterThanOrEqual(180);
  });

  it('gives every organisation a valid, unique credit code and a Chongqing district', () => {
    const codes = [...DEMO_INSTITUTIONS, ...DEMO_COMPANIES]
      .filter((org) => org.creditCodeBody !== null)
      .map((org) => completeCreditCode(org.creditCodeBody!));
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    // The demo accounts' organisations (重庆大学, the demo company) come from the identity seed.
    expect([...DEMO_INSTITUTIONS, ...DEMO_COMPANIES].filter((org) => org.creditCodeBody === null)).toHaveLength(2);
    for (const org of [...DEMO_INSTITUTIONS, ...DEMO_COMPANIES]) expect(DISTRICTS[org.region]).toBeDefined();
    expect(new Set(DEMO_COMPANIES.map((c) => c.name)).size).toBe(DEMO_COMPANIES.length);
  });

  it('writes every cluster its organisations work in, and reads every figure', () => {
    const used = new Set([
      ...DEMO_COMPANIES.flatMap((c) => c.clusters),
      ...DEMO_INSTITUTIONS.flatMap((i) => i.departments.map(([code]) => code)),
    ]);
    for (const code of used) expect(CLUSTERS.has(code)).toBe(true);
    expect(used.size).toBeGreaterThanOrEqual(25);
    for (const cluster of CLUSTERS.values()) {
      expect(cluster.topics.length).toBeGreaterThanOrEqual(3);
      for (const topic of cluster.topics) {
        expect(() => topic.metrics.map(parseMetric)).not.toThrow();
        expect(topic.pains.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('keys researchers and achievements by unique references, needs by unique titles', () => {
    const refs = (items: { org: string; ref: string }[]): Set<string> => new Set(items.map((i) => `${i.org}|${i.ref}`));
    expect(refs(catalog.researchers).size).toBe(catalog.researchers.length);
    expect(refs(catalog.achievements).size).toBe(catalog.achievements.length);
    expect(new Set(catalog.needs.map((n) => n.title)).size).toBe(catalog.needs.length);
    expect(new Set(catalog.achievements.map((a) => a.title)).size).toBe(catalog.achievements.length);
    expect(new Set(catalog.researchers.map((r) => r.name)).size).toBe(catalog.researchers.length);
  });

  it('names researchers of the achievement’s own institution, lead first, each at least once', () => {
    const researchers = refsByOrg(catalog.researchers);
    const named = new Set<string>();
    for (const achievement of catalog.achievements) {
      expect(achievement.researchers.length).toBeGreaterThanOrEqual(1);
      expect(new Set(achievement.researchers).size).toBe(achievement.researchers.length);
      for (const ref of achievement.researchers) {
        expect(researchers.get(achievement.org)?.has(ref)).toBe(true);
        named.add(`${achievement.org}|${ref}`);
      }
    }
    expect(named.size).toBe(catalog.researchers.length);
  });

  it('writes consistent figures: TRL by stage, prices and budgets as ordered decimal strings', () => {
    const trlOfStage: Record<string, [number, number]> = {
      lab: [1, 4],
      bench: [4, 5],
      pilot: [5, 7],
      industrial: [7, 9],
    };
    for (const a of catalog.achievements) {
      const [low, high] = trlOfStage[a.maturityStage];
      expect(a.trl).toBeGreaterThanOrEqual(low);
      expect(a.trl).toBeLessThanOrEqual(high);
      expect((a.priceMin === null) === (a.priceMax === null)).toBe(true);
      if (a.priceMin !== null) {
        expect(a.priceMin).toMatch(AMOUNT);
        expect(a.priceMax).toMatch(AMOUNT);
        expect(Number(a.priceMin)).toBeLessThanOrEqual(Number(a.priceMax));
      }
      if (a.transferModes.includes('use_first_pay_later')) expect(a.legalStatus).toBe('granted');
    }
    for (const n of catalog.needs) {
      if (n.budgetMin !== null) {
        expect(n.budgetMin).toMatch(AMOUNT);
        expect(n.budgetMax).toMatch(AMOUNT);
        expect(Number(n.budgetMin)).toBeLessThanOrEqual(Number(n.budgetMax));
      }
      expect(n.deadlineInDays).toBeGreaterThan(30);
      expect(n.cooperationModes.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('writes patent and registration numbers in the offices’ formats, with valid check digits', () => {
    const formats: Record<string, RegExp> = {
      invention_patent: /^(ZL)?20\d{2}1\d{7}\.[\dX]$/,
      utility_model: /^ZL20\d{2}2\d{7}\.[\dX]$/,
      design_patent: /^ZL20\d{2}3\d{7}\.[\dX]$/,
      software_copyright: /^20\d{2}SR\d{7}$/,
      ic_layout: /^BS\.\d{9}$/,
      plant_variety: /^CNA20\d{6}\.\d$/,
    };
    for (const a of catalog.achievements) {
      if (a.ipType === 'know_how') {
        expect(a.patentNumbers).toEqual([]);
        continue;
      }
      expect(a.patentNumbers.length).toBeGreaterThanOrEqual(1);
      for (const number of a.patentNumbers) {
        expect(number).toMatch(formats[a.ipType!]);
        const patent = /^(?:ZL)?(\d{12})\.([\dX])$/.exec(number);
        if (patent) expect(applicationCheckDigit(patent[1])).toBe(patent[2]);
      }
    }
    expect(applicationCheckDigit('202310274722')).toBe('5');
  });

  it('writes most needs to fit a published achievement of the same cluster', () => {
    const fitted = catalog.needs.filter((n) => n.writtenFor !== null);
    expect(fitted.length / catalog.needs.length).toBeGreaterThanOrEqual(0.6);
    for (const need of fitted) {
      const achievement = achievements.get(need.writtenFor!)!;
      expect(achievement).toBeDefined();
      expect(need.org).not.toBe(achievement.org);
      if (need.fieldCodes.length > 0)
        expect(need.fieldCodes.some((f) => achievement.fieldCodes.includes(f))).toBe(true);
      expect(need.cooperationModes.some((m) => achievement.transferModes.includes(m))).toBe(true);
      expect(need.minTrl).toBeLessThanOrEqual(achievement.trl + 1);
      const text = `${achievement.title}${achievement.summary}${achievement.keywords.join('')}`;
      expect(need.keywords.some((k) => text.includes(k))).toBe(true);
      if (need.budgetMax !== null && achievement.priceMin !== null) {
        expect(Number(need.budgetMax)).toBeGreaterThanOrEqual(Number(achievement.priceMin));
      }
    }
  });

  it('writes finished Chinese text: no placeholders, no doubled punctuation, varied openings', () => {
    for (const record of [...catalog.researchers, ...catalog.achievements, ...catalog.needs]) {
      for (const text of texts(record)) {
        expect(text).not.toMatch(/undefined|NaN|null|\{|\}|。。|，。|；。|、、/);
      }
    }
    for (const a of catalog.achievements) expect(a.summary).toMatch(/。$/);
    const openings = (items: string[]): number => new Set(items.map((s) => s.slice(0, 2))).size;
    expect(openings(catalog.achievements.map((a) => a.summary))).toBeGreaterThanOrEqual(30);
    expect(openings(catalog.needs.map((n) => n.description))).toBeGreaterThanOrEqual(10);
    expect(openings(catalog.needs.map((n) => n.title))).toBeGreaterThanOrEqual(40);
  });
});

function refsByOrg(items: { org: string; ref: string }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const item of items) out.set(item.org, new Set([...(out.get(item.org) ?? []), item.ref]));
  return out;
}
