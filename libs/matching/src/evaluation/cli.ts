/**
 * `npm run eval:matching -- <dataset.json> [more.json …]`: loads each dataset into a throwaway
 * database, indexes it with the configured search adapter, runs the real matcher for every
 * need and prints one JSON object of metrics per dataset, the last line holding them all.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { PlatformModule, SearchIndex, searchEngineForTool } from '@kuaizhuan/platform';
import { Achievement, CatalogIndexer, CatalogIndexingModule, Need } from '@kuaizhuan/catalog';
import { Organisation } from '@kuaizhuan/identity';
import { createTestDatabase, dropDatabase, prepareTemplate } from '../../../../test/support/database';
import { MatchingCoreModule } from '../matching-core.module';
import { NeedMatcher } from '../pipeline/need-matcher';
import { categoryCode, disciplineCodes, readDataset, type Dataset, type FieldTerm } from './dataset';
import { writeFileSync } from 'node:fs';
import { Environment } from '@kuaizhuan/platform';
import { atFloor, scoreBands, scoreRanking, summarise, summarisePush, type Grades, type KeptForNeed } from './metrics';

@Module({ imports: [PlatformModule, CatalogIndexingModule, MatchingCoreModule] })
class EvaluationModule {}

/** A template of this run's own, so runs side by side (other worktrees, other engines) never drop each other's. */
const TEMPLATE = `kz_eval_template_${process.pid}`;
/** The platform's floor and top-k for need → achievements, as configured (before this tool sets its own). */
const CONFIGURED = {
  floor: Number(process.env.MATCH_FLOOR ?? new Environment().MATCH_FLOOR),
  topK: Number(process.env.MATCH_TOP_K ?? new Environment().MATCH_TOP_K),
};
/** Where to write every scored pair, for fitting the calibration (MATCH_EVAL_DUMP=prefix). */
const DUMP = process.env.MATCH_EVAL_DUMP;
const BATCH = 500;

interface Loaded {
  /** Dataset need id → the need row. */
  needs: Map<string, Need>;
  /** Achievement row id → dataset achievement id. */
  datasetId: Map<string, string>;
}

async function loadDataset(dataSource: DataSource, dataset: Dataset, indexer: CatalogIndexer): Promise<Loaded> {
  const rows: { code: string; name_zh: string; parent_code: string | null }[] = await dataSource.query(
    `SELECT code, name_zh, parent_code FROM taxonomy_term WHERE kind = 'field'`,
  );
  const terms: FieldTerm[] = rows.map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    parentCode: r.parent_code,
  }));
  const orgs = dataSource.getRepository(Organisation);
  const university = await orgs.save(
    orgs.create({ name: '评测高校', kind: 'university', region: '500000', verificationStatus: 'verified' }),
  );
  const company = await orgs.save(
    orgs.create({ name: '评测企业', kind: 'enterprise', region: '500000', verificationStatus: 'verified' }),
  );

  const now = new Date();
  const achievementIds: string[] = [];
  const idOf = new Map<string, string>();
  for (let i = 0; i < dataset.achievements.length; i += BATCH) {
    const rows = dataset.achievements.slice(i, i + BATCH).map((a) => ({
      orgId: university.id,
      status: 'published' as const,
      title: a.title || a.summary.slice(0, 60),
      summary: a.summary,
      keywords: a.keywords ?? [],
      fieldCodes: disciplineCodes(a.field, terms),
      externalRef: a.id,
      publishedAt: now,
    }));
    const inserted = await dataSource.getRepository(Achievement).insert(rows);
    inserted.identifiers.forEach((identifier, j) => {
      const id = identifier.id as string;
      achievementIds.push(id);
      idOf.set(id, dataset.achievements[i + j].id);
    });
  }
  for (let i = 0; i < achievementIds.length; i += BATCH)
    await indexer.sync('achievement', achievementIds.slice(i, i + BATCH));

  const needs = new Map<string, Need>();
  for (const n of dataset.needs) {
    const need = dataSource.getRepository(Need).create({
      orgId: company.id,
      status: 'published',
      // A need given only as a description keeps all its text there; its title is the opening.
      title: n.title || n.description.slice(0, 60),
      description: n.description,
      fieldCodes: categoryCode(n.category, terms),
      publishedAt: now,
    });
    const saved = await dataSource.getRepository(Need).save(need);
    needs.set(n.id, saved);
  }
  return { needs, datasetId: idOf };
}

async function evaluate(path: string): Promise<Record<string, unknown>> {
  const dataset = readDataset(path);
  const database = await createTestDatabase(TEMPLATE);
  process.env.DATABASE_URL = database.url;
  // Each dataset gets an index of its own on Meilisearch, dropped with its database.
  process.env.MEILI_INDEX = `kz_eval_${randomBytes(4).toString('hex')}`;
  const app = await NestFactory.createApplicationContext(EvaluationModule, { logger: ['error'] });
  try {
    const started = Date.now();
    const dataSource = app.get(DataSource);
    const { needs, datasetId } = await loadDataset(dataSource, dataset, app.get(CatalogIndexer));
    const loadedSeconds = (Date.now() - started) / 1000;

    const grades = new Map<string, Grades>();
    for (const q of dataset.qrels) {
      const g = grades.get(q.need) ?? new Map<string, number>();
      g.set(q.achievement, q.grade);
      grades.set(q.need, g);
    }
    const matcher = app.get(NeedMatcher);
    const scores = [];
    const latencies: number[] = [];
    const kept: KeptForNeed[] = [];
    const dump: unknown[] = [];
    for (const n of dataset.needs) {
      const t0 = process.hrtime.bigint();
      const { results } = await matcher.match(needs.get(n.id)!);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const ranked = results.map((r) => datasetId.get(r.achievementId) ?? r.achievementId);
      const needGrades = grades.get(n.id) ?? new Map<string, number>();
      scores.push(scoreRanking(ranked, needGrades));
      kept.push({
        hasRelevant: [...needGrades.values()].some((g) => g >= 1),
        kept: results.map((r, i) => ({ score: r.score, grade: needGrades.get(ranked[i]) ?? 0 })),
      });
      if (DUMP) {
        const value = (r: (typeof results)[number], name: string) => r.features.find((f) => f.feature === name)?.value;
        dump.push({
          need: n.id,
          relevant: needGrades.size,
          pairs: results.map((r, i) => ({
            grade: needGrades.get(ranked[i]) ?? 0,
            text: value(r, 'text'),
            field: value(r, 'field'),
            order: r.order,
            score: r.score,
          })),
        });
      }
    }
    latencies.sort((a, b) => a - b);
    if (DUMP) writeFileSync(`${DUMP}.${basename(path)}`, JSON.stringify(dump));
    const pushed = atFloor(kept, CONFIGURED.floor, CONFIGURED.topK);
    return {
      dataset: dataset.name || basename(path),
      engine: process.env.SEARCH_ENGINE,
      ...summarise(scores),
      push: {
        floor: CONFIGURED.floor,
        topK: CONFIGURED.topK,
        ...summarisePush(pushed),
        bands: scoreBands(pushed),
        tradeOff: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((floor) => ({
          floor,
          ...summarisePush(atFloor(kept, floor, CONFIGURED.topK)),
        })),
      },
      needs: dataset.needs.length,
      achievements: dataset.achievements.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      loadSeconds: Math.round(loadedSeconds * 10) / 10,
      matchMsP50: Math.round(latencies[Math.floor(latencies.length * 0.5)]),
      matchMsP95: Math.round(latencies[Math.floor(latencies.length * 0.95)]),
    };
  } finally {
    await app.get(SearchIndex).clear();
    await app.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('usage: npm run eval:matching -- <dataset.json> [more.json …]');
    process.exit(2);
  }
  // Rank at floor 0 (the ranking metrics), keeping enough to apply the configured floor and top-k after.
  process.env.MATCH_TOP_K = String(DUMP ? 100 : Math.max(10, CONFIGURED.topK));
  process.env.MATCH_FLOOR = '0';
  process.env.LOG_LEVEL = 'error';
  const search = await searchEngineForTool();
  try {
    await prepareTemplate(TEMPLATE);
    const results = [];
    for (const path of paths) {
      const result = await evaluate(path);
      results.push(result);
      if (paths.length > 1) console.log(JSON.stringify(result));
    }
    console.log(JSON.stringify(results.length === 1 ? results[0] : { engine: search.engine, results }));
  } finally {
    await dropDatabase(TEMPLATE);
    await search.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
