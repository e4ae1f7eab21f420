import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, isValidCreditCode, seedIdentity, type DemoAccounts } from '@kuaizhuan/identity';
import { seedCatalog, type SeededCatalog } from '../../../seeds/catalog/seed-catalog';
import { demoCatalog } from '../../../seeds/catalog/demo-catalog';
import { DEMO_COMPANIES, DEMO_INSTITUTIONS } from '../../../seeds/catalog/organisations';
import { eventually, startApi, startWorker } from '../../../test/support/apps';
import { signIn } from '../../../test/support/auth';
import { setUpTestEnvironment, type TestEnvironment } from '../../../test/support/environment';
import { runApp } from '../../../test/support/processes';
import { as } from './fixtures';

let env: TestEnvironment;
let app: NestExpressApplication;
let worker: INestApplicationContext;
let dataSource: DataSource;
let accounts: DemoAccounts;
let first: SeededCatalog;
let second: SeededCatalog;
let outboxAfterFirst: number;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query(sql, params);
  return row.n;
}

/** The events the seed publishes (the worker adds others of its own once it matches). */
const SEED_EVENTS = ['researcher.changed', 'achievement.published', 'need.published'];

async function totals(): Promise<Record<string, number>> {
  const [row]: Record<string, number>[] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM organisation) AS organisations,
            (SELECT count(*)::int FROM researcher) AS researchers,
            (SELECT count(*)::int FROM achievement) AS achievements,
            (SELECT count(*)::int FROM achievement_researcher) AS links,
            (SELECT count(*)::int FROM need) AS needs,
            (SELECT count(*)::int FROM manager_profile) AS manager_profiles,
            (SELECT count(*)::int FROM outbox WHERE event = ANY($1)) AS outbox`,
    [SEED_EVENTS],
  );
  return row;
}

beforeAll(async () => {
  env = await setUpTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  app = await startApi();
  worker = await startWorker();
  dataSource = app.get(DataSource);
  accounts = await seedIdentity(dataSource);
  first = await seedCatalog(dataSource, accounts);
  outboxAfterFirst = (await totals()).outbox;
  second = await seedCatalog(dataSource, accounts);
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await app?.close();
  await env?.teardown();
}, 60_000);

describe('demo seed', () => {
  it('loads a few hundred published listings from some forty verified Chongqing organisations', async () => {
    const catalog = demoCatalog();
    expect(first).toEqual({
      organisations: DEMO_INSTITUTIONS.length + DEMO_COMPANIES.length - 2, // two come from the identity seed
      researchers: catalog.researchers.length,
      achievements: catalog.achievements.length,
      needs: catalog.needs.length,
      managerProfiles: 1,
    });
    expect(await count(`SELECT count(*)::int AS n FROM achievement WHERE status = 'published'`)).toBeGreaterThanOrEqual(
      250,
    );
    expect(await count(`SELECT count(*)::int AS n FROM need WHERE status = 'published'`)).toBeGreaterThanOrEqual(150);
    expect(await count(`SELECT count(*)::int AS n FROM researcher WHERE active`)).toBeGreaterThanOrEqual(100);
    expect(await count(`SELECT count(*)::int AS n FROM researcher WHERE commissioner_available`)).toBeGreaterThan(20);

    const organisations: { name: string; credit_code: string; region: string; verification_status: string }[] =
      await dataSource.query(`SELECT name, credit_code, region, verification_status FROM organisation`);
    expect(organisations.length).toBeGreaterThanOrEqual(40);
    for (const org of organisations) {
      expect(org.verification_status).toBe('verified');
      expect(isValidCreditCode(org.credit_code)).toBe(true);
      expect(org.region).toMatch(/^50/);
    }
    // Every organisation but the operator sits in a Chongqing district or county of the taxonomy.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM organisation o
          WHERE o.region <> '500000'
            AND NOT EXISTS (SELECT 1 FROM taxonomy_term t WHERE t.kind = 'region' AND t.code = o.region)`,
      ),
    ).toBe(0);
  });

  it('names at least one researcher of the same institution behind every achievement', async () => {
    expect(
      await count(
        `SELECT count(*)::int AS n FROM achievement a
          WHERE NOT EXISTS (SELECT 1 FROM achievement_researcher ar WHERE ar.achievement_id = a.id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM achievement_researcher ar
           JOIN achievement a ON a.id = ar.achievement_id
           JOIN researcher r ON r.id = ar.researcher_id
          WHERE r.org_id <> a.org_id`,
      ),
    ).toBe(0);
    // And every researcher leads or joins at least one.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM researcher r
          WHERE NOT EXISTS (SELECT 1 FROM achievement_researcher ar WHERE ar.researcher_id = r.id)`,
      ),
    ).toBe(0);
  });

  it('spreads institutions and companies over the 33618 clusters, with codes the taxonomy knows', async () => {
    const clustersOf = (table: 'need' | 'achievement', kind: string): Promise<number> =>
      count(
        `SELECT count(DISTINCT code)::int AS n
           FROM ${table} l JOIN organisation o ON o.id = l.org_id, unnest(l.field_codes) AS code
          WHERE o.kind = $1
            AND code IN (SELECT t.code FROM taxonomy_term t
                          WHERE t.kind = 'field' AND t.parent_code IN ('cq-trillion', 'cq-500b', 'cq-100b', 'cq-rising'))`,
        [kind],
      );
    expect(await clustersOf('need', 'enterprise')).toBeGreaterThanOrEqual(20);
    expect(await clustersOf('achievement', 'university')).toBeGreaterThanOrEqual(20);
    expect(
      await count(`SELECT count(DISTINCT o.region)::int AS n FROM organisation o WHERE o.kind = 'enterprise'`),
    ).toBeGreaterThanOrEqual(15);

    const unknown = (sql: string): Promise<number> => count(sql);
    const field = `NOT EXISTS (SELECT 1 FROM taxonomy_term t WHERE t.kind = 'field' AND t.code = c)`;
    expect(await unknown(`SELECT count(*)::int AS n FROM achievement, unnest(field_codes) c WHERE ${field}`)).toBe(0);
    expect(await unknown(`SELECT count(*)::int AS n FROM need, unnest(field_codes) c WHERE ${field}`)).toBe(0);
    expect(await unknown(`SELECT count(*)::int AS n FROM researcher, unnest(field_codes) c WHERE ${field}`)).toBe(0);
    expect(
      await unknown(
        `SELECT count(*)::int AS n FROM achievement a
          WHERE NOT EXISTS (SELECT 1 FROM taxonomy_term t WHERE t.kind = 'ip_type' AND t.code = a.ip_type)
             OR NOT EXISTS (SELECT 1 FROM taxonomy_term t WHERE t.kind = 'maturity_stage' AND t.code = a.maturity_stage)`,
      ),
    ).toBe(0);
    expect(
      await unknown(
        `SELECT count(*)::int AS n FROM need n
          WHERE NOT EXISTS (SELECT 1 FROM taxonomy_term t WHERE t.kind = 'region' AND t.code = n.region_code)
             OR NOT EXISTS (SELECT 1 FROM taxonomy_term t WHERE t.kind = 'maturity_stage' AND t.code = n.desired_stage)`,
      ),
    ).toBe(0);
  });

  it('writes every field a reader sees, with consistent numbers', async () => {
    const blank = (column: string): string => `coalesce(trim(${column}), '') = ''`;
    expect(
      await count(
        `SELECT count(*)::int AS n FROM achievement
          WHERE ${['title', 'summary', 'application_scenarios', 'advantages', 'institution_name'].map(blank).join(' OR ')}
             OR cardinality(keywords) = 0 OR cardinality(field_codes) = 0 OR cardinality(transfer_modes) = 0
             OR trl NOT BETWEEN 1 AND 9 OR price_min > price_max`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM need
          WHERE ${['title', 'summary', 'description', 'problem', 'indicators', 'existing_conditions'].map(blank).join(' OR ')}
             OR cardinality(keywords) = 0 OR cardinality(cooperation_modes) = 0
             OR min_trl NOT BETWEEN 1 AND 9 OR budget_min > budget_max OR deadline <= current_date`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM researcher
          WHERE ${['name', 'title', 'profile', 'institution_name', 'email'].map(blank).join(' OR ')}
             OR cardinality(research_areas) = 0 OR cardinality(field_codes) = 0
             OR (commissioner_available AND ${blank('commissioner_note')} AND external_ref NOT LIKE 'DEMO-%')`,
      ),
    ).toBe(0);
    // Use-first-pay-later is offered on some results, and only where a patent has been granted.
    expect(
      await count(`SELECT count(*)::int AS n FROM achievement WHERE 'use_first_pay_later' = ANY(transfer_modes)`),
    ).toBeGreaterThanOrEqual(30);
  });

  it('adds nothing and publishes nothing when run again', async () => {
    expect(second).toEqual({ organisations: 0, researchers: 0, achievements: 0, needs: 0, managerProfiles: 0 });
    const catalog = demoCatalog();
    const after = await totals();
    expect(after).toMatchObject({
      organisations: 4 + first.organisations,
      researchers: catalog.researchers.length,
      achievements: catalog.achievements.length,
      needs: catalog.needs.length,
      manager_profiles: 1,
    });
    expect(after.outbox).toBe(outboxAfterFirst);
  });

  it('asks the worker to index and to match every new listing', async () => {
    const ids: { event: string; job_name: string; ids: number }[] = await dataSource.query(
      `SELECT event, job_name, sum(jsonb_array_length(payload->'ids'))::int AS ids
         FROM outbox WHERE event = ANY($1) GROUP BY event, job_name ORDER BY event, job_name`,
      [SEED_EVENTS],
    );
    expect(ids).toEqual([
      { event: 'achievement.published', job_name: 'catalog.index', ids: first.achievements },
      { event: 'achievement.published', job_name: 'match.achievement', ids: first.achievements },
      { event: 'achievement.published', job_name: 'saved_search.match', ids: first.achievements },
      { event: 'need.published', job_name: 'catalog.index', ids: first.needs },
      { event: 'need.published', job_name: 'match.need', ids: first.needs },
      { event: 'need.published', job_name: 'saved_search.match', ids: first.needs },
      { event: 'researcher.changed', job_name: 'catalog.index', ids: first.researchers },
    ]);
  });

  it('gives the demo technology manager fields of expertise for the review queue', async () => {
    const [profile]: { field_codes: string[]; capacity: number; active: boolean }[] = await dataSource.query(
      `SELECT field_codes, capacity, active FROM manager_profile WHERE user_id = $1`,
      [accounts.manager.userId],
    );
    expect(profile.active).toBe(true);
    expect(profile.field_codes).toEqual(expect.arrayContaining(['smart-equipment', 'intelligent-nev']));
  });

  it('is searchable once indexed, and the matcher recommends results of the same cluster', async () => {
    const company = await signIn(app.getHttpServer(), accounts.enterprise.email, DEMO_PASSWORD);
    const found = await eventually(
      async () => {
        const response = await request(app.getHttpServer())
          .get(`/api/search?q=${encodeURIComponent('高强韧镁合金板材连续轧制技术')}`)
          .set(as(company))
          .expect(200);
        return response.body.total > 0 ? response.body : undefined;
      },
      60_000,
      'the demo achievements to be indexed',
    );
    expect(found.hits[0].title).toBe('高强韧镁合金板材连续轧制技术');
    expect(found.hits[0].display.researchers).toEqual(['周明远']);

    // The hand-written battery-housing need of the demo company is matched to a light-alloy or
    // vehicle result (achievements matched first may already have recommended others to it).
    const recommended = await eventually(
      async () => {
        const rows: { title: string; field_codes: string[] }[] = await dataSource.query(
          `SELECT a.title, a.field_codes FROM recommendation r
             JOIN need n ON n.id = r.need_id JOIN achievement a ON a.id = r.achievement_id
            WHERE n.org_id = $1 AND n.title = '电动物流车电池包壳体轻量化'
              AND a.field_codes && ARRAY['light-alloy', 'intelligent-nev']::varchar[]`,
          [accounts.enterprise.organisationId],
        );
        return rows.length > 0 ? rows : undefined;
      },
      150_000,
      'a light-alloy or vehicle recommendation for the demo need',
    );
    expect(recommended[0].title).not.toBe('');
  }, 200_000);

  it('runs as a script that prints one JSON line per step', async () => {
    const loader = runApp('seeds/load.ts');
    const { code } = await loader.exited;
    expect(code).toBe(0);
    const lines = loader
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; added?: Record<string, number> });
    expect(lines.map((line) => line.msg)).toEqual([
      'demo accounts ready',
      'demo catalogue ready',
      'demo deals ready',
      'demo challenges ready',
      'demo commissioner and saved searches ready',
      'demo service platforms ready',
      'demo register approvals ready',
    ]);
    expect(lines[1].added).toEqual({ organisations: 0, researchers: 0, achievements: 0, needs: 0, managerProfiles: 0 });
  }, 60_000);
});
