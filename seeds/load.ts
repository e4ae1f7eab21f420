/**
 * Loads the demo data: the four demo accounts and their organisations, then the demo
 * catalogue. Safe to run again: every step looks for what it would create first.
 * Run from the build (`npm run seed`) after `npm run migrate`.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedIdentity, DEMO_PASSWORD } from '@kuaizhuan/identity';
import { dataSourceOptions, loadDotEnv, validateEnvironment } from '@kuaizhuan/platform';
import { seedCatalog } from './catalog/seed-catalog';

async function main(): Promise<void> {
  loadDotEnv();
  const env = validateEnvironment(process.env);
  const dataSource = new DataSource(dataSourceOptions({ url: env.DATABASE_URL, applicationName: 'kuaizhuan-seed' }));
  await dataSource.initialize();
  try {
    const accounts = await seedIdentity(dataSource);
    const catalog = await seedCatalog(dataSource, accounts);
    console.log(
      JSON.stringify({
        msg: 'demo accounts ready',
        password: DEMO_PASSWORD,
        accounts: Object.values(accounts).map((a) => a.email),
      }),
    );
    console.log(JSON.stringify({ msg: 'demo catalogue ready', ...catalog }));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
