// First: resolves the @kuaizhuan/* aliases for what follows (Jest's module mapper does not apply here).
import './aliases';
import type { PackagedMeilisearch } from '@kuaizhuan/platform';
import { dropDatabase } from './database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.KZ_TEST_TEMPLATE;
  const meilisearch = (globalThis as { kzTestMeilisearch?: PackagedMeilisearch | null }).kzTestMeilisearch;
  await Promise.all([template ? dropDatabase(template) : undefined, meilisearch?.stop()]);
}
