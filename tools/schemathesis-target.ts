/**
 * The api schemathesis fuzzes (see tools/schemathesis.sh): a fresh database migrated and seeded
 * with the demo accounts and catalogue, the api listening on a free port, one access token per
 * role written to the file named by argv[2]. Runs until it is sent SIGTERM, then drops the database.
 *
 * The api, the seeds and their entities come from the build in dist/ (`nest build api`): only
 * the build runs the Swagger plugin, which puts the DTOs' fields and the responses' types in the
 * document; run from the sources, the document would say too little to check anything against.
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { seedIdentity as SeedIdentity } from '@kuaizhuan/identity';
import type { createApi as CreateApi } from '../apps/api/src/bootstrap';
import type { seedCatalog as SeedCatalog } from '../seeds/catalog/seed-catalog';
import { dropDatabase, prepareTemplate } from '../test/support/database';
import { setUpTestEnvironment } from '../test/support/environment';

const DIST = join(__dirname, '..', 'dist');
/* eslint-disable @typescript-eslint/no-require-imports -- the built modules, loaded at run time */
const { createApi } = require(join(DIST, 'apps/api/src/bootstrap.js')) as { createApi: typeof CreateApi };
const identity = require(join(DIST, 'libs/identity/src/index.js')) as {
  seedIdentity: typeof SeedIdentity;
  DEMO_PASSWORD: string;
};
const { seedCatalog } = require(join(DIST, 'seeds/catalog/seed-catalog.js')) as { seedCatalog: typeof SeedCatalog };
const { DataSource: BuiltDataSource } = require('typeorm') as { DataSource: typeof DataSource };
/* eslint-enable @typescript-eslint/no-require-imports */

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: schemathesis-target.ts <tokens.json>');
  const template = `kz_st_tpl_${process.pid}`;
  await prepareTemplate(template);
  const env = await setUpTestEnvironment(
    { AUTH_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_FACTOR: '1000', LOG_LEVEL: 'error', JWT_ACCESS_TTL: '7200' },
    template,
  );
  const api: NestExpressApplication = await createApi();
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as AddressInfo;
  const dataSource = api.get(BuiltDataSource);
  const accounts = await identity.seedIdentity(dataSource);
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
      .send({ email: account.email, password: identity.DEMO_PASSWORD });
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
