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
