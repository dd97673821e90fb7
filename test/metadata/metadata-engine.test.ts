import { afterEach, describe, expect, it } from 'vitest';
import {
  BadVersionError,
  CompactedError,
  ResourceExhaustedError,
  UnavailableError,
} from '../../services/common/errors.js';
import { compareKeys } from '../../services/metadata/engine/key-order.js';
import { LevelPersistence } from '../../services/metadata/engine/level-persistence.js';
import { MetadataEngine } from '../../services/metadata/engine/metadata-engine.js';
import { createMemoryStore } from '../../services/metadata/memory/memory-store.js';
import type { WatchEvent } from '../../services/metadata/metadata-store.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { take } from '../harness/wait.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('key order', () => {
  it('is the byte order of UTF-8, as in LevelDB and etcd', () => {
    const samples = [
      '',
      'a',
      'ab',
      'b',
      '/x/',
      '/x0',
      'é',
      '\uE000',
      '\uFFFF',
      '😀',
      '𝄞',
      'z\u0000',
      'Z',
      '~',
    ];
    for (let i = 0; i < 200; i++) {
      samples.push(
        Array.from({ length: 1 + (i % 5) }, () =>
          String.fromCodePoint(
            [0x41, 0xe9, 0xd7ff, 0xe000, 0xfffd, 0x1f600, 0x10ffff][
              Math.floor(Math.random() * 7)
            ] as number,
          ),
        ).join(''),
      );
    }
    const byBytes = [...samples].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...samples].sort(compareKeys)).toEqual(byBytes);
  });
});

describe('MetadataEngine', () => {
  it('group-commits concurrent writes into distinct, gap-free revisions', async () => {
    const store = await createMemoryStore();
    cleanups.push(() => store.close());
    const results = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => store.put(`/g/${i % 100}`, Buffer.from(String(i)))),
    );
    const revisions = results.map((r) => r.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
  });

  it('decides each queued write against the ones before it in the same group', async () => {
    const store = await createMemoryStore();
    cleanups.push(() => store.close());
    const outcomes = await Promise.allSettled([
      store.put('/same', Buffer.from('1'), { expectedVersion: 0 }),
      store.put('/same', Buffer.from('2'), { expectedVersion: 0 }),
      store.put('/same', Buffer.from('3'), { expectedVersion: 1 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(BadVersionError);
    expect((await store.get('/same'))?.value.toString()).toBe('3');
  });

  it('fails a watch that resumes from compacted history', async () => {
    const store = await createMemoryStore({ history: { maxRevisions: 10 } });
    cleanups.push(() => store.close());
    for (let i = 0; i < 30; i++) await store.put('/h/k', Buffer.from(String(i)));
    const stale = store.watch('/h/', { fromRevision: 5 });
    const error = await stale.ready.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CompactedError);
    expect((error as CompactedError).oldestRevision).toBe(21);
    await expect(stale[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(CompactedError);

    const fresh = store.watch('/h/', { fromRevision: 21 });
    const events = await take(fresh[Symbol.asyncIterator](), 10);
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => 21 + i));
    fresh.close();
  });

  it('cuts off a watcher that stops reading instead of buffering without bound', async () => {
    const store = await createMemoryStore({ history: { maxPendingRevisions: 50 } });
    cleanups.push(() => store.close());
    const slow = store.watch('/slow/');
    await slow.ready;
    for (let i = 0; i < 60; i++) await store.put('/slow/k', Buffer.from(String(i)));
    const iterator = slow[Symbol.asyncIterator]();
    const delivered: WatchEvent[] = [];
    const error = await (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return undefined;
        delivered.push(next.value);
      }
    })().catch((e: unknown) => e);
    expect(delivered).toHaveLength(50);
    expect(error).toBeInstanceOf(ResourceExhaustedError);
    expect((error as ResourceExhaustedError).retriable).toBe(true);
  });

  it('reloads keys, versions, leases and watch history from LevelDB', async () => {
    const dir = await makeTempDir('engine-level');
    cleanups.push(dir.remove);
    const first = await MetadataEngine.open(new LevelPersistence(dir.path));
    const a = await first.put('/p/a', Buffer.from('a'));
    const lease = await first.grantLease(60_000);
    await first.put('/p/eph', Buffer.from('e'), { leaseId: lease.id });
    await first.delete('/p/a');
    const b = await first.put('/p/b', Buffer.from('b'));
    await first.close();

    const second = await MetadataEngine.open(new LevelPersistence(dir.path));
    cleanups.push(() => second.close());
    expect(second.revision).toBe(b.revision);
    expect(await second.get('/p/a')).toBeUndefined();
    expect((await second.get('/p/b'))?.version).toBe(b.version);
    expect((await second.get('/p/eph'))?.leaseId).toBe(lease.id);
    const replay = second.watch('/p/', { fromRevision: a.revision });
    const events = await take(replay[Symbol.asyncIterator](), 4);
    expect(events.map((e) => `${e.type}@${e.revision}`)).toEqual([
      `put@${a.revision}`,
      `put@${a.revision + 1}`,
      `delete@${a.revision + 2}`,
      `put@${b.revision}`,
    ]);
    replay.close();
    // The lease survived the restart and still owns its key.
    await second.revokeLease(lease.id);
    expect(await second.get('/p/eph')).toBeUndefined();
    // New leases never reuse an id.
    expect(Number((await second.grantLease(1_000)).id)).toBeGreaterThan(Number(lease.id));
  });

  it('refuses work once closed', async () => {
    const store = await createMemoryStore();
    await store.close();
    await expect(store.put('/closed', Buffer.from('x'))).rejects.toBeInstanceOf(UnavailableError);
  });
});

describe('fault injection', () => {
  it('fails or delays only the operations asked for', async () => {
    const store = await createMemoryStore();
    cleanups.push(() => store.close());
    store.failNext(2, { ops: ['put'] });
    await expect(store.put('/f', Buffer.from('1'))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      retriable: true,
    });
    expect(await store.get('/f')).toBeUndefined();
    await expect(store.put('/f', Buffer.from('1'))).rejects.toBeInstanceOf(UnavailableError);
    await store.put('/f', Buffer.from('1'));

    store.delayNext(1, 200, { ops: ['get'] });
    const started = Date.now();
    await store.get('/f');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
