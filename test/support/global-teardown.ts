import type { PackagedMeilisearch } from '../../libs/platform/src/search/meilisearch/packaged-server';
import { dropDatabase } from './database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.KZ_TEST_TEMPLATE;
  const meilisearch = (globalThis as { kzTestMeilisearch?: PackagedMeilisearch | null }).kzTestMeilisearch;
  await Promise.all([template ? dropDatabase(template) : undefined, meilisearch?.stop()]);
}
