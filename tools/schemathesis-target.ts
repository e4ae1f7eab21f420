/**
 * The api schemathesis fuzzes (see tools/schemathesis.sh): a fresh database migrated and seeded
 * with the demo accounts and catalogue, the api listening on a free port, one access token per
 * role written to the file named by argv[2]. Runs until it is sent SIGTERM, then drops the database.
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedIdentity } from '@kuaizhuan/identity';
import { createApi } from '../apps/api/src/bootstrap';
import { seedCatalog } from '../seeds/catalog/seed-catalog';
import { dropDatabase, prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: schemathesis-target.ts <tokens.json>');
  const template = `kz_st_tpl_${process.pid}`;
  await prepareTemplate(template);
  const env = await setUpTestEnvironment(
    { AUTH_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_FACTOR: '1000', LOG_LEVEL: 'error', JWT_ACCESS_TTL: '7200' },
    template,
  );
  const api = await createApi();
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as AddressInfo;
  const dataSource = api.get(DataSource);
  const accounts = await seedIdentity(dataSource);
  await seedCatalog(dataSource, accounts);
  const tokens: Record<string, string> = {};
  for (const [role, account] of Object.entries({
    admin: accounts.operator,
    enterprise: accounts.enterprise,
    tto: accounts.tto,
    manager: accounts.manager,
  })) {
    const login = await request(api.getHttpServer())
      .post('/api/auth/login')
      .send({ email: account.email, password: DEMO_PASSWORD });
    tokens[role] = (login.body as { tokens: { accessToken: string } }).tokens.accessToken;
  }
  writeFileSync(out, JSON.stringify({ port, tokens }));
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await api.close();
    try {
      await env.teardown();
      await dropDatabase(template);
    } catch (error) {
      // Another run's catalogue change can race the drop; the databases are throwaway either way.
      console.error(`[schemathesis] could not drop the databases: ${(error as Error).message}`);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
