import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadVersionError,
  InvalidArgumentError,
  LeaseNotFoundError,
} from '../../services/common/errors.js';
import { listAll } from '../../services/metadata/list-all.js';
import {
  MUST_NOT_EXIST,
  type MetadataStore,
  type WatchEvent,
} from '../../services/metadata/metadata-store.js';
import { take, waitFor } from '../harness/wait.js';

export interface ContractBackend {
  /** A client of the backend under test; called several times for independent clients. */
  connect(): Promise<MetadataStore>;
  /** Stops whatever setup() started. */
  teardown(): Promise<void>;
}

const bytes = (text: string) => Buffer.from(text, 'utf8');
const text = (value: Buffer | undefined) => value?.toString('utf8');

/** Each test works under its own prefix so the tests share one backend without interfering. */
let prefixCounter = 0;
function freshPrefix(name: string): string {
  prefixCounter++;
  return `/contract/${name}/${Date.now().toString(36)}-${prefixCounter}/`;
}

async function expectBadVersion(promise: Promise<unknown>, key: string): Promise<BadVersionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadVersionError);
  expect((error as BadVersionError).key).toBe(key);
  expect((error as BadVersionError).retriable).toBe(false);
  return error as BadVersionError;
}

/**
 * The behaviour every MetadataStore backend must have. Lease TTLs are whole seconds because etcd
 * rounds up to seconds (and has a minimum of about 2 s).
 */
export function describeMetadataContract(
  name: string,
  setup: () => Promise<ContractBackend>,
): void {
  describe(`MetadataStore contract: ${name}`, () => {
    let backend: ContractBackend;
    let store: MetadataStore;
    const extraClients: MetadataStore[] = [];

    beforeAll(async () => {
      backend = await setup();
      store = await backend.connect();
    });

    afterAll(async () => {
      for (const client of extraClients) await client.close();
      await store?.close();
      await backend?.teardown();
    });

    it('puts and gets a value with its version and create revision', async () => {
      const key = freshPrefix('get') + 'k';
      expect(await store.get(key)).toBeUndefined();
      const first = await store.put(key, bytes('one'));
      expect(first.version).toBeGreaterThan(0);
      expect(first.revision).toBe(first.version);
      const kv = await store.get(key);
      expect(kv).toMatchObject({ key, version: first.version, createRevision: first.version });
      expect(text(kv?.value)).toBe('one');
      expect(kv?.leaseId).toBeUndefined();

      const second = await store.put(key, bytes('two'));
      expect(second.version).toBeGreaterThan(first.version);
      const updated = await store.get(key);
      expect(updated).toMatchObject({ version: second.version, createRevision: first.version });
      expect(text(updated?.value)).toBe('two');
    });

    it('compare-and-set succeeds on the current version and fails with a typed error otherwise', async () => {
      const key = freshPrefix('cas') + 'k';
      const v1 = (await store.put(key, bytes('a'), { expectedVersion: MUST_NOT_EXIST })).version;
      const v2 = (await store.put(key, bytes('b'), { expectedVersion: v1 })).version;
      expect(v2).toBeGreaterThan(v1);

      const stale = await expectBadVersion(
        store.put(key, bytes('c'), { expectedVersion: v1 }),
        key,
      );
      expect(stale.expectedVersion).toBe(v1);
      expect(stale.actualVersion).toBe(v2);

      const exists = await expectBadVersion(
        store.put(key, bytes('d'), { expectedVersion: MUST_NOT_EXIST }),
        key,
      );
      expect(exists.actualVersion).toBe(v2);

      const absent = await expectBadVersion(
        store.put(key + '-missing', bytes('e'), { expectedVersion: v2 }),
        key + '-missing',
      );
      expect(absent.actualVersion).toBe(0);

      expect(text((await store.get(key))?.value)).toBe('b');
    });

    it('lets exactly one of 50 concurrent creators win', async () => {
      const key = freshPrefix('race') + 'leader';
      const clients = [store];
      for (let i = 0; i < 4; i++) {
        const client = await backend.connect();
        extraClients.push(client);
        clients.push(client);
      }
      const attempts = Array.from({ length: 50 }, (_, i) =>
        (clients[i % clients.length] as MetadataStore)
          .put(key, bytes(`creator-${i}`), { expectedVersion: MUST_NOT_EXIST })
          .then(
            (result) => ({ i, result }),
            (error: unknown) => ({ i, error }),
          ),
      );
      const outcomes = await Promise.all(attempts);
      const winners = outcomes.filter((o) => 'result' in o);
      const losers = outcomes.filter((o) => 'error' in o);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(49);
      for (const loser of losers)
        expect((loser as { error: unknown }).error).toBeInstanceOf(BadVersionError);
      const stored = await store.get(key);
      expect(text(stored?.value)).toBe(`creator-${winners[0]?.i}`);
    });

    it('deletes unconditionally and by version, and never reuses a version', async () => {
      const key = freshPrefix('delete') + 'k';
      expect((await store.delete(key)).deleted).toBe(false);
      const v1 = (await store.put(key, bytes('x'))).version;
      await expectBadVersion(store.delete(key, { expectedVersion: v1 + 1000 }), key);
      expect(await store.get(key)).toBeDefined();
      expect((await store.delete(key, { expectedVersion: v1 })).deleted).toBe(true);
      expect(await store.get(key)).toBeUndefined();
      await expectBadVersion(store.delete(key, { expectedVersion: v1 }), key);

      const recreated = await store.put(key, bytes('y'), { expectedVersion: MUST_NOT_EXIST });
      expect(recreated.version).toBeGreaterThan(v1);
      // The old version cannot match the new incarnation (no ABA).
      await expectBadVersion(store.put(key, bytes('z'), { expectedVersion: v1 }), key);
      expect((await store.delete(key)).deleted).toBe(true);
    });

    it('lists keys under a prefix in key order, page by page', async () => {
      const prefix = freshPrefix('list');
      const names = Array.from({ length: 25 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
      names.push('a', 'z', 'item-', 'nested/deeper', 'ü-unicode', '~tilde');
      const shuffled = [...names].sort(() => Math.random() - 0.5);
      await Promise.all(shuffled.map((n) => store.put(prefix + n, bytes(n))));
      // Siblings that share the prefix text but are outside it.
      await store.put(prefix.slice(0, -1), bytes('parent'));
      await store.put(prefix.slice(0, -1) + '0', bytes('sibling'));

      const expected = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const seen: string[] = [];
      let startAfter: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await store.list(prefix, { limit: 7, startAfter });
        pages++;
        expect(page.items.length).toBeLessThanOrEqual(7);
        expect(page.revision).toBeGreaterThan(0);
        for (const item of page.items) {
          seen.push(item.key.slice(prefix.length));
          expect(text(item.value)).toBe(item.key.slice(prefix.length));
        }
        if (!page.more) break;
        expect(page.items).toHaveLength(7);
        startAfter = page.items[page.items.length - 1]?.key;
      }
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / 7));

      const all: string[] = [];
      for await (const kv of listAll(store, prefix, 4)) all.push(kv.key.slice(prefix.length));
      expect(all).toEqual(expected);

      const single = await store.list(prefix, { limit: 1000 });
      expect(single.more).toBe(false);
      expect(single.items.map((kv) => kv.key.slice(prefix.length))).toEqual(expected);
      expect((await store.list(prefix + 'nothing-here/')).items).toEqual([]);
    });

    it('applies a multi-key transaction all or nothing', async () => {
      const prefix = freshPrefix('txn');
      const a = prefix + 'a';
      const b = prefix + 'b';
      const c = prefix + 'c';
      const va = (await store.put(a, bytes('a1'))).version;
      const vc = (await store.put(c, bytes('c1'))).version;

      const conflict = await expectBadVersion(
        store.txn({
          ops: [
            { type: 'put', key: a, value: bytes('a2'), expectedVersion: va },
            { type: 'put', key: b, value: bytes('b1'), expectedVersion: 12345 },
            { type: 'delete', key: c },
          ],
        }),
        b,
      );
      expect(conflict.actualVersion).toBe(0);
      expect(text((await store.get(a))?.value)).toBe('a1');
      expect(await store.get(b)).toBeUndefined();
      expect(await store.get(c)).toBeDefined();

      const failedCheck = await expectBadVersion(
        store.txn({
          checks: [{ key: c, expectedVersion: vc + 1 }],
          ops: [{ type: 'delete', key: a }],
        }),
        c,
      );
      expect(failedCheck.actualVersion).toBe(vc);
      expect(await store.get(a)).toBeDefined();

      const done = await store.txn({
        checks: [{ key: c, expectedVersion: vc }],
        ops: [
          { type: 'put', key: a, value: bytes('a2'), expectedVersion: va },
          { type: 'put', key: b, value: bytes('b1'), expectedVersion: MUST_NOT_EXIST },
          { type: 'delete', key: c, expectedVersion: vc },
        ],
      });
      expect(done.results).toEqual([
        { version: done.revision, deleted: false },
        { version: done.revision, deleted: false },
        { version: 0, deleted: true },
      ]);
      expect((await store.get(a))?.version).toBe(done.revision);
      expect(text((await store.get(b))?.value)).toBe('b1');
      expect(await store.get(c)).toBeUndefined();
    });

    it('delivers watch events in commit order, only under the prefix', async () => {
      const prefix = freshPrefix('watch');
      const watch = store.watch(prefix);
      const startedAt = await watch.ready;
      expect(startedAt).toBeGreaterThanOrEqual(0);
      const iterator = watch[Symbol.asyncIterator]();

      const v1 = (await store.put(prefix + 'x', bytes('1'))).version;
      await store.put(`/other${prefix}x`, bytes('not mine'));
      const v2 = (await store.put(prefix + 'y', bytes('2'))).version;
      const v3 = (await store.put(prefix + 'x', bytes('3'), { expectedVersion: v1 })).version;
      const d = (await store.delete(prefix + 'y')).revision;
      const t = await store.txn({
        ops: [
          { type: 'put', key: prefix + 'z', value: bytes('4') },
          { type: 'delete', key: prefix + 'x' },
        ],
      });

      const events = await take(iterator, 6);
      watch.close();
      const summary = events.map((e) =>
        e.type === 'put'
          ? `put ${e.kv.key.slice(prefix.length)}=${text(e.kv.value)}@${e.revision}`
          : `delete ${e.key.slice(prefix.length)}@${e.revision}`,
      );
      expect(summary).toEqual([
        `put x=1@${v1}`,
        `put y=2@${v2}`,
        `put x=3@${v3}`,
        `delete y@${d}`,
        `put z=4@${t.revision}`,
        `delete x@${t.revision}`,
      ]);
      const put = events[2] as Extract<WatchEvent, { type: 'put' }>;
      expect(put.kv).toMatchObject({ version: v3, createRevision: v1 });
      for (const event of events) expect(event.revision).toBeGreaterThan(startedAt);
    });

    it('resumes a watch from a revision without missing or repeating events', async () => {
      const prefix = freshPrefix('resume');
      const revisions: number[] = [];
      for (let i = 0; i < 10; i++)
        revisions.push((await store.put(prefix + `k${i % 3}`, bytes(`v${i}`))).revision);
      await store.delete(prefix + 'k0');

      const from = revisions[4] as number;
      const resumed = store.watch(prefix, { fromRevision: from });
      expect(await resumed.ready).toBe(from - 1);
      const iterator = resumed[Symbol.asyncIterator]();
      const replayed = await take(iterator, 7);
      expect(replayed.map((e) => e.revision)).toEqual(
        [...revisions.slice(4)].concat(replayed[6]?.revision ?? -1),
      );
      expect(
        replayed.slice(0, 6).map((e) => (e.type === 'put' ? text(e.kv.value) : 'deleted')),
      ).toEqual(['v4', 'v5', 'v6', 'v7', 'v8', 'v9']);
      expect(replayed[6]).toMatchObject({ type: 'delete', key: prefix + 'k0' });

      // History then live, seamlessly.
      const live = (await store.put(prefix + 'after', bytes('live'))).revision;
      const [next] = await take(iterator, 1);
      expect(next).toMatchObject({ type: 'put', revision: live });
      resumed.close();
    });

    it('deletes ephemeral keys when their lease is revoked', async () => {
      const prefix = freshPrefix('ephemeral');
      const lease = await store.grantLease(5_000);
      expect(lease.ttlMs).toBeGreaterThanOrEqual(5_000);
      await store.put(prefix + 'a', bytes('a'), { leaseId: lease.id });
      await store.put(prefix + 'b', bytes('b'), { leaseId: lease.id });
      await store.put(prefix + 'durable', bytes('stays'));
      expect((await store.get(prefix + 'a'))?.leaseId).toBe(lease.id);

      const watch = store.watch(prefix);
      await watch.ready;
      await store.revokeLease(lease.id);
      const events = await take(watch[Symbol.asyncIterator](), 2);
      watch.close();
      expect(events.map((e) => `${e.type} ${e.type === 'delete' ? e.key : ''}`).sort()).toEqual([
        `delete ${prefix}a`,
        `delete ${prefix}b`,
      ]);
      expect(await store.get(prefix + 'a')).toBeUndefined();
      expect(await store.get(prefix + 'b')).toBeUndefined();
      expect(text((await store.get(prefix + 'durable'))?.value)).toBe('stays');
      await expect(store.keepAlive(lease.id)).rejects.toBeInstanceOf(LeaseNotFoundError);
    });

    it('expires a lease that is not renewed, and keeps one that is', async () => {
      const prefix = freshPrefix('expiry');
      const ttlMs = 2_000;
      const expiring = await store.grantLease(ttlMs);
      const renewed = await store.grantLease(ttlMs);
      await store.put(prefix + 'expiring', bytes('e'), { leaseId: expiring.id });
      await store.put(prefix + 'renewed', bytes('r'), { leaseId: renewed.id });
      const grantedAt = Date.now();

      const renewer = setInterval(() => void store.keepAlive(renewed.id).catch(() => {}), 500);
      try {
        await waitFor(
          async () => (await store.get(prefix + 'expiring')) === undefined,
          'expiry',
          expiring.ttlMs + 3_000,
        );
        expect(Date.now() - grantedAt).toBeGreaterThanOrEqual(expiring.ttlMs - 100);
        await expect(store.keepAlive(expiring.id)).rejects.toBeInstanceOf(LeaseNotFoundError);
        // Well past its TTL, the renewed lease's key is still there.
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, grantedAt + renewed.ttlMs + 1_000 - Date.now())),
        );
        expect(text((await store.get(prefix + 'renewed'))?.value)).toBe('r');
        expect((await store.keepAlive(renewed.id)).ttlMs).toBe(renewed.ttlMs);
      } finally {
        clearInterval(renewer);
        await store.revokeLease(renewed.id).catch(() => {});
      }
    });

    it('rejects unknown leases', async () => {
      const key = freshPrefix('unknown-lease') + 'k';
      await expect(store.put(key, bytes('x'), { leaseId: '987654321' })).rejects.toBeInstanceOf(
        LeaseNotFoundError,
      );
      expect(await store.get(key)).toBeUndefined();
      await expect(store.keepAlive('987654321')).rejects.toBeInstanceOf(LeaseNotFoundError);
      await expect(store.revokeLease('987654321')).rejects.toBeInstanceOf(LeaseNotFoundError);
    });

    it('rejects bad input with InvalidArgumentError naming the problem', async () => {
      const prefix = freshPrefix('invalid');
      const cases: Array<[() => Promise<unknown>, RegExp]> = [
        [() => store.put('', bytes('x')), /key/],
        [() => store.get(''), /key/],
        [
          () => store.put(prefix + 'k'.repeat(4097), bytes('x')),
          /key is 4\d+ bytes; the limit is 4096/,
        ],
        [
          () => store.put(prefix + 'big', Buffer.alloc(1024 * 1024 + 1)),
          /value is 1048577 bytes; the limit is 1048576/,
        ],
        [() => store.grantLease(-5), /TTL/],
        [() => store.grantLease(0), /TTL/],
        [() => store.keepAlive('not-a-lease'), /lease id/],
        [() => store.put(prefix + 'v', bytes('x'), { expectedVersion: -1 }), /version/],
        [
          () =>
            store.txn({
              ops: [
                { type: 'put', key: prefix + 'dup', value: bytes('1') },
                { type: 'delete', key: prefix + 'dup' },
              ],
            }),
          /written twice/,
        ],
      ];
      for (const [attempt, message] of cases) {
        const error = await attempt().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as Error).message).toMatch(message);
      }
      // A value of exactly the limit is fine.
      const max = await store.put(prefix + 'max', Buffer.alloc(1024 * 1024, 7));
      expect((await store.get(prefix + 'max'))?.value.byteLength).toBe(1024 * 1024);
      expect(max.version).toBeGreaterThan(0);
    });
  });
}
