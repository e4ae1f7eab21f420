/**
 * A synthetic catalogue for benchmarks, built from the real Chinese research records of the
 * shared evaluation sets: each achievement takes a title, sentences and keywords from
 * different records, so the vocabulary and text lengths are those of real listings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Record {
  title: string;
  summary: string;
  keywords?: string[];
}

const DATA_DIR = process.env.KZ_BENCH_DATA ?? join(__dirname, '..', '..', 'shared', 'data');

export function sourceRecords(): Record[] {
  const records: Record[] = [];
  for (const file of ['csl-dev-problem-to-solution.json', 'csl-dev-topical.json']) {
    const data = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as { achievements: Record[] };
    records.push(...data.achievements.filter((a) => a.title && a.summary));
  }
  return records;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticAchievement {
  title: string;
  summary: string;
  keywords: string[];
}

export function* syntheticAchievements(count: number, records: Record[], seed = 7): Generator<SyntheticAchievement> {
  const next = random(seed);
  const pick = () => records[Math.floor(next() * records.length)];
  const sentences = (text: string) => text.split(/(?<=[。；.;])/).filter((s) => s.trim() !== '');
  for (let i = 0; i < count; i += 1) {
    const base = pick();
    const other = pick();
    const summary = [...sentences(base.summary).slice(0, 3), ...sentences(other.summary).slice(0, 2)].join('');
    yield {
      title: base.title,
      summary,
      keywords: [...(base.keywords ?? []).slice(0, 3), ...(other.keywords ?? []).slice(0, 1)],
    };
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const FIELD_CODES = [
  'light-alloy',
  'advanced-materials',
  'intelligent-nev',
  'biomedicine',
  'software-it',
  'ai-robotics',
];
const TRANSFER_MODES = ['licence', 'transfer', 'use_first_pay_later', 'equity'];

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Inserts `count` published synthetic achievements owned by one new university; returns its id. */
export async function insertAchievements(db: Queryable, count: number): Promise<string> {
  const [org] = (await db.query(
    `INSERT INTO organisation (name, kind, region, verification_status)
     VALUES ('基准大学', 'university', '500106', 'verified') RETURNING id`,
  )) as { id: string }[];
  const next = random(11);
  const batch: SyntheticAchievement[] = [];
  const flush = async (): Promise<void> => {
    await db.query(
      `INSERT INTO achievement (org_id, status, title, summary, keywords, field_codes, transfer_modes, trl,
                                price_min, price_max, published_at)
       SELECT $1, 'published', t.title, t.summary, string_to_array(t.keywords, '|'), string_to_array(t.fields, '|'),
              string_to_array(t.modes, '|')::cooperation_mode[], t.trl, t.price, t.price * 2, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::numeric[])
           AS t(title, summary, keywords, fields, modes, trl, price)`,
      [
        org.id,
        batch.map((b) => b.title.slice(0, 200)),
        batch.map((b) => b.summary),
        batch.map((b) => b.keywords.join('|')),
        batch.map(() => FIELD_CODES[Math.floor(next() * FIELD_CODES.length)]),
        batch.map(() => TRANSFER_MODES[Math.floor(next() * TRANSFER_MODES.length)]),
        batch.map(() => 1 + Math.floor(next() * 9)),
        batch.map(() => 10_000 * (1 + Math.floor(next() * 500))),
      ],
    );
    batch.length = 0;
  };
  for (const achievement of syntheticAchievements(count, sourceRecords())) {
    batch.push(achievement);
    if (batch.length === 5_000) await flush();
  }
  if (batch.length > 0) await flush();
  return org.id;
}

/** Need texts: the titles and problem statements of the shared evaluation sets. */
export function needTexts(): { title: string; description: string }[] {
  const data = JSON.parse(readFileSync(join(DATA_DIR, 'csl-dev-problem-to-solution.json'), 'utf8')) as {
    needs: { description: string }[];
    achievements: { title: string }[];
  };
  return data.needs.map((n, i) => ({
    title: data.achievements[i]?.title ?? n.description.slice(0, 40),
    description: n.description,
  }));
}
