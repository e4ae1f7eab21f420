/**
 * Loads the demo data: the four demo accounts and their organisations, then the demo
 * organisations and catalogue, then the demo deals, then the demo commissioner and saved
 * searches. Safe to run again: every step looks for what it would create first. Prints one
 * JSON line per step. Run from the build (`npm run seed`) after `npm run migrate`.
 * organisations and catalogue, then the demo deals, then the service platforms. Safe to run again: every step looks for
 * what it would create first. Prints one JSON line per step. Run from the build (`npm run seed`)
 * after `npm run migrate`.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedIdentity, DEMO_PASSWORD } from '@kuaizhuan/identity';
import { dataSourceOptions, loadDotEnv, validateEnvironment } from '@kuaizhuan/platform';
import { seedCatalog } from './catalog/seed-catalog';
import { seedDeals } from './deals/seed-deals';
import { seedChallenges } from './challenges/seed-challenges';
import { seedOutreach } from './outreach/seed-outreach';
import { seedServices } from './services/seed-services';
import { seedRecords } from './records/seed-records';

async function main(): Promise<void> {
  loadDotEnv();
  const env = validateEnvironment(process.env);
  const dataSource = new DataSource(dataSourceOptions({ url: env.DATABASE_URL, applicationName: 'kuaizhuan-seed' }));
  await dataSource.initialize();
  try {
    let started = Date.now();
    const accounts = await seedIdentity(dataSource);
    console.log(
      JSON.stringify({
        msg: 'demo accounts ready',
        password: DEMO_PASSWORD,
        accounts: Object.values(accounts).map((a) => a.email),
        ms: Date.now() - started,
      }),
    );
    started = Date.now();
    const added = await seedCatalog(dataSource, accounts);
    const [total]: Record<string, number>[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM organisation) AS organisations,
              (SELECT count(*)::int FROM researcher) AS researchers,
              (SELECT count(*)::int FROM achievement WHERE status = 'published') AS achievements,
              (SELECT count(*)::int FROM need WHERE status = 'published') AS needs`,
    );
    console.log(JSON.stringify({ msg: 'demo catalogue ready', added, total, ms: Date.now() - started }));
    started = Date.now();
    const dealsAdded = await seedDeals(dataSource, accounts);
    const [deals]: Record<string, number | string>[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM deal) AS deals,
              (SELECT count(*)::int FROM deal WHERE signed_on IS NOT NULL) AS signed,
              (SELECT count(*)::int FROM income_event) AS "incomeEvents",
              (SELECT coalesce(sum(amount), 0)::text FROM income_event) AS income`,
    );
    console.log(JSON.stringify({ msg: 'demo deals ready', added: dealsAdded, total: deals, ms: Date.now() - started }));
    started = Date.now();
    const challengesAdded = await seedChallenges(dataSource, accounts);
    console.log(JSON.stringify({ msg: 'demo challenges ready', added: challengesAdded, ms: Date.now() - started }));
    const outreach = await seedOutreach(dataSource, accounts);
    console.log(
      JSON.stringify({ msg: 'demo commissioner and saved searches ready', added: outreach, ms: Date.now() - started }),
    );
    const servicesAdded = await seedServices(dataSource, accounts);
    console.log(
      JSON.stringify({ msg: 'demo service platforms ready', added: servicesAdded, ms: Date.now() - started }),
    );
    const records = await seedRecords(dataSource, accounts);
    console.log(JSON.stringify({ msg: 'demo register approvals ready', added: records, ms: Date.now() - started }));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
