// First: resolves the @kuaizhuan/* aliases for what follows (Jest's module mapper does not apply here).
import './aliases';
import { randomBytes } from 'node:crypto';
import { prepareTemplate } from './database';
import { startRunMeilisearch } from './meilisearch';

/**
 * Once per run: migrate a template database of this run's own (so runs side by side never
 * share one), which every test file clones, and start the run's own Meilisearch, on which each
 * test file makes its own index. Both reach the test workers through the env; the server is
 * kept on the global object for the teardown. When Meilisearch cannot start, the run fails.
 */
export default async function globalSetup(): Promise<void> {
  const template = `kz_tpl_${randomBytes(4).toString('hex')}`;
  process.env.KZ_TEST_TEMPLATE = template;
  const [meilisearch] = await Promise.all([startRunMeilisearch(), prepareTemplate(template)]);
  (globalThis as { kzTestMeilisearch?: unknown }).kzTestMeilisearch = meilisearch;
}
