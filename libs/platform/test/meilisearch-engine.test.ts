import { Meilisearch } from 'meilisearch';
import { MeilisearchIndex, MeilisearchTaskError, ServiceUnavailableError } from '@kuaizhuan/platform';
import { indexSettings, settingsHold, toRecord } from '../src/search/meilisearch/meilisearch-schema';
import { dropTestIndex, testIndexUid, testMeilisearch } from '../../../test/support/meilisearch';
import { freePort } from '../../../test/support/redis-server';
import { fixtures, PUBLISHED_PUBLIC } from './search-fixtures';

/**
 * What the real Meilisearch does that PostgreSQL does not, beside the contract both pass:
 * writes fail later, in tasks; the index and its settings live in another process that may
 * restart without its data or hold an index an older version of the platform made.
 */

const { host, masterKey } = testMeilisearch();
const client = new Meilisearch({ host, apiKey: masterKey });
const used: string[] = [];

function freshUid(): string {
  const uid = testIndexUid();
  used.push(uid);
  return uid;
}

async function settledTask(promise: ReturnType<Meilisearch['createIndex']>): Promise<void> {
  const task = await promise.waitTask({ timeout: 60_000 });
  expect(task.status).toBe('succeeded');
}

async function settingsUpdates(uid: string): Promise<number> {
  return (await client.tasks.getTasks({ indexUids: [uid], types: ['settingsUpdate'] })).results.length;
}

afterAll(async () => {
  for (const uid of used) await dropTestIndex(host, masterKey, uid);
});

describe(MeilisearchIndex.name, () => {
  describe('tasks', () => {
    it('surfaces a write the engine refuses in its task as an error with the engine’s code', async () => {
      const uid = freshUid();
      await settledTask(client.createIndex(uid, { primaryKey: 'other' }));
      const index = new MeilisearchIndex({ host, apiKey: masterKey, indexUid: uid });
      const refused = index.upsert(fixtures().slice(0, 1));
      await expect(refused).rejects.toBeInstanceOf(MeilisearchTaskError);
      await expect(refused).rejects.toMatchObject({ code: 'index_primary_key_already_exists' });
    });

    it('answers 503 when the engine cannot be reached', async () => {
      const index = new MeilisearchIndex({ host: `http://127.0.0.1:${await freePort()}`, indexUid: 'nowhere' });
      await expect(index.search({ text: '电池' })).rejects.toBeInstanceOf(ServiceUnavailableError);
      await expect(index.health()).resolves.toMatchObject({ adapter: 'meilisearch', ok: false });
    });
  });

  describe('settings', () => {
    it('applies them once: a process starting on an index that has them sends no settings task', async () => {
      const uid = freshUid();
      await new MeilisearchIndex({ host, apiKey: masterKey, indexUid: uid }).upsert(fixtures());
      expect(await settingsUpdates(uid)).toBe(1);
      expect(settingsHold(await client.index(uid).getSettings(), indexSettings())).toBe(true);
      const restarted = new MeilisearchIndex({ host, apiKey: masterKey, indexUid: uid });
      expect(await restarted.count()).toBe(fixtures().length);
      expect(await settingsUpdates(uid)).toBe(1);
    });

    it('brings an index an older version of the platform made up to date', async () => {
      const uid = freshUid();
      await settledTask(client.createIndex(uid, { primaryKey: 'id' }));
      await settledTask(
        client.index(uid).updateSettings({
          searchableAttributes: ['title'],
          filterableAttributes: ['status', 'visibility'],
          rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness'],
        }),
      );
      await settledTask(client.index(uid).addDocuments(fixtures().map(toRecord), { primaryKey: 'id' }));
      const index = new MeilisearchIndex({ host, apiKey: masterKey, indexUid: uid });
      const result = await index.search({
        text: 'AI',
        filters: { ...PUBLISHED_PUBLIC, institutions: ['重庆交通大学'] },
        facets: ['institution'],
      });
      expect(result.hits.map((hit) => hit.id)).toEqual(['a2']);
      expect(result.facets.institution).toEqual([{ value: '重庆交通大学', count: 1 }]);
      expect(settingsHold(await client.index(uid).getSettings(), indexSettings())).toBe(true);
    });

    it('applies them again when the engine lost the index while the process ran', async () => {
      const uid = freshUid();
      const index = new MeilisearchIndex({ host, apiKey: masterKey, indexUid: uid });
      await index.upsert(fixtures());
      // The engine restarted without its data: the index is gone, and a write re-creates it bare.
      await settledTask(client.deleteIndex(uid));
      await index.upsert(fixtures());
      const result = await index.search({ filters: PUBLISHED_PUBLIC, facets: ['kind'], limit: 1 });
      expect(result.total).toBe(6);
      expect(result.facets.kind).toEqual([
        { value: 'achievement', count: 4 },
        { value: 'need', count: 1 },
        { value: 'researcher', count: 1 },
      ]);
    });
  });

  describe('rebuild', () => {
    it('ignores a rebuild index a late write re-created after the swap, and rebuilds over it', async () => {
      const uid = freshUid();
      const index = new MeilisearchIndex({ host, apiKey: masterKey, indexUid: uid });
      await index.upsert(fixtures().slice(0, 2));
      await settledTask(client.index(`${uid}_rebuild`).addDocuments([{ id: 'late' }], { primaryKey: 'id' }));
      await index.upsert(fixtures().slice(2));
      expect((await client.index(`${uid}_rebuild`).getStats()).numberOfDocuments).toBe(1);
      expect(await index.count()).toBe(fixtures().length);
      expect(await index.rebuild([fixtures()])).toEqual({ documents: fixtures().length });
      expect(await index.count()).toBe(fixtures().length);
      await expect(client.getRawIndex(`${uid}_rebuild`)).rejects.toMatchObject({ cause: { code: 'index_not_found' } });
    });
  });
});
