import type { CatalogKind, SyncedIds } from './catalog-indexer';
import { IndexBatcher } from './index-batcher';

class Refused extends Error {}

/** A write that records its calls and is held until released, so tests decide what arrives meanwhile. */
function recordingWrite(refuse: (ids: string[]) => boolean = () => false) {
  const calls: { kind: CatalogKind; ids: string[] }[] = [];
  const held: Array<() => void> = [];
  const write = (kind: CatalogKind, ids: string[]): Promise<SyncedIds> => {
    calls.push({ kind, ids });
    return new Promise((resolve, reject) => {
      held.push(() =>
        refuse(ids)
          ? reject(new Refused(`refused ${ids.join(',')}`))
          : resolve({
              upserted: ids.filter((id) => !id.startsWith('gone')),
              removed: ids.filter((id) => id.startsWith('gone')),
            }),
      );
    });
  };
  /** Releases every write waiting now, then lets the batcher start the next. */
  const release = async (): Promise<void> => {
    for (const done of held.splice(0)) done();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, write, release };
}

describe(IndexBatcher.name, () => {
  it('writes the first request at once and merges those that arrive while it runs into one write', async () => {
    const { calls, write, release } = recordingWrite();
    const batcher = new IndexBatcher(write, () => false);
    const first = batcher.sync('need', ['a']);
    const later = [
      batcher.sync('need', ['b', 'c']),
      batcher.sync('need', ['c', 'gone-d']),
      batcher.sync('need', ['e']),
    ];
    expect(calls).toEqual([{ kind: 'need', ids: ['a'] }]);
    await release();
    expect(calls[1]).toEqual({ kind: 'need', ids: ['b', 'c', 'gone-d', 'e'] });
    await release();
    await expect(first).resolves.toEqual({ upserted: 1, removed: 0, batchedWith: 1 });
    await expect(Promise.all(later)).resolves.toEqual([
      { upserted: 2, removed: 0, batchedWith: 3 },
      { upserted: 1, removed: 1, batchedWith: 3 },
      { upserted: 1, removed: 0, batchedWith: 3 },
    ]);
    expect(calls).toHaveLength(2);
  });

  it('writes each kind on its own and caps the ids of one write', async () => {
    const { calls, write, release } = recordingWrite();
    const batcher = new IndexBatcher(write, () => false, 3);
    const all = [
      batcher.sync('need', ['n0']),
      batcher.sync('need', ['n1', 'n2']),
      batcher.sync('achievement', ['a1']),
      batcher.sync('need', ['n3']),
    ];
    for (let i = 0; i < 4; i += 1) await release();
    await Promise.all(all);
    expect(calls).toEqual([
      { kind: 'need', ids: ['n0'] },
      // n1, n2 and a1 fill the cap of three ids; n3 waits for the next write.
      { kind: 'need', ids: ['n1', 'n2'] },
      { kind: 'achievement', ids: ['a1'] },
      { kind: 'need', ids: ['n3'] },
    ]);
  });

  it('tries each request on its own when a merged write is refused, so only the bad one fails', async () => {
    const { calls, write, release } = recordingWrite((ids) => ids.includes('bad'));
    const batcher = new IndexBatcher(write, (error) => error instanceof Refused);
    const first = batcher.sync('achievement', ['x']);
    const good = batcher.sync('achievement', ['y']);
    const bad = batcher.sync('achievement', ['bad']);
    const outcomes = Promise.allSettled([first, good, bad]);
    for (let i = 0; i < 4; i += 1) await release();
    const [x, y, z] = await outcomes;
    expect(x).toMatchObject({ status: 'fulfilled', value: { upserted: 1 } });
    expect(y).toEqual({ status: 'fulfilled', value: { upserted: 1, removed: 0, batchedWith: 1 } });
    expect(z).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: 'refused bad' }) });
    expect(calls.map((call) => call.ids)).toEqual([['x'], ['y', 'bad'], ['y'], ['bad']]);
  });

  it('fails every request of a write that failed for another reason (the engine away), without trying each', async () => {
    const down = new Error('connect ECONNREFUSED');
    const batcher = new IndexBatcher(
      () => Promise.reject(down),
      (error) => error instanceof Refused,
    );
    const results = await Promise.allSettled([
      batcher.sync('need', ['a']),
      batcher.sync('need', ['b']),
      batcher.sync('need', ['c']),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // After a failure the batcher keeps taking requests.
    await expect(batcher.sync('need', ['d'])).rejects.toBe(down);
  });
});
