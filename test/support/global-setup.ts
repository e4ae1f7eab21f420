import { Client } from 'pg';
import { prepareTemplate, TEST_SERVER_URL } from './database';

/** Once per run: migrate the template database and drop databases left by interrupted runs. */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'kz\\_test\\_%' AND datname <> 'kz_test_template'
         AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = pg_database.datname)`,
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await prepareTemplate();
}
