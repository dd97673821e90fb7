import { afterAll, beforeAll, expect, it } from 'vitest';
import { EntryCacheBudget } from '../../gateway/managed-ledger/entry-cache.js';
import { TopicFencedError } from '../../gateway/managed-ledger/managed-ledger-errors.js';
import { ManagedLedgerImpl } from '../../gateway/managed-ledger/managed-ledger-impl.js';
import {
  DEFAULT_MANAGED_LEDGER_CONFIG,
  type ManagedLedgerConfig,
} from '../../gateway/managed-ledger/managed-ledger.js';
import { comparePositions, type Position } from '../../gateway/managed-ledger/position.js';
import { ManagedLedgerStore } from '../../gateway/managed-ledger/managed-ledger-store.js';
import { parseTopicName, topicPath } from '../../gateway/topic-name.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { StorageCluster } from '../harness/storage-cluster.js';

let cluster: StorageCluster;
const stores: MetadataStore[] = [];
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
});
afterAll(async () => {
  for (const store of stores) await store.close();
  await cluster?.stop();
});

const config: ManagedLedgerConfig = {
  ...DEFAULT_MANAGED_LEDGER_CONFIG,
  ensembleSize: 3,
  writeQuorum: 3,
  ackQuorum: 2,
  maxEntriesPerLedger: 300,
};

/** An independent owner: its own metadata connection and ledger client, as another gateway. */
async function owner() {
  const metadata = await openMetadataStore(cluster.metadataUrl);
  stores.push(metadata);
  return { ledgers: await cluster.client(), metadata };
}

async function readAll(ml: ManagedLedgerImpl, from: Position): Promise<string[]> {
  const out: string[] = [];
  let position = from;
  for (;;) {
    const batch = await ml.read(position, 128);
    if (batch.length === 0) return out;
    for (const entry of batch) out.push(entry.payload.toString());
    position = ml.nextPosition((batch[batch.length - 1] as { position: Position }).position);
  }
}

it('rolls over to new ledgers, confirms in append order, and reads across ledgers', async () => {
  const topic = parseTopicName(`rollover-${Date.now()}`);
  const ml = await ManagedLedgerImpl.open(await owner(), topic, config);
  const confirmed: Position[] = [];
  const positions = await Promise.all(
    Array.from({ length: 1_000 }, (_, i) =>
      ml.append(Buffer.from(`message ${i}`)).then((p) => {
        confirmed.push(p);
        return p;
      }),
    ),
  );
  // Resolution order is append order, and positions strictly grow across ledger switches.
  expect(confirmed).toEqual(positions);
  for (let i = 1; i < positions.length; i++) {
    expect(
      comparePositions(positions[i] as Position, positions[i - 1] as Position),
    ).toBeGreaterThan(0);
  }
  expect(new Set(positions.map((p) => p.ledgerId)).size).toBe(4);
  expect(ml.lastConfirmed).toEqual(positions[999]);

  const all = await readAll(ml, ml.firstPosition);
  expect(all).toEqual(Array.from({ length: 1_000 }, (_, i) => `message ${i}`));
  const middle = await ml.read(positions[450] as Position, 3);
  expect(middle.map((e) => e.payload.toString())).toEqual([
    'message 450',
    'message 451',
    'message 452',
  ]);
  await ml.close();
  expect(ml.state).toBe('closed');
});

it('a new owner recovers the log a crashed owner left open, and fences the old one', async () => {
  const topic = parseTopicName(`public/default/takeover-${Date.now()}`);
  const first = await ManagedLedgerImpl.open(await owner(), topic, config);
  const acked = await Promise.all(
    Array.from({ length: 450 }, (_, i) => first.append(Buffer.from(`m${i}`))),
  );
  // No close: the first owner "crashes" with its current ledger open.

  const second = await ManagedLedgerImpl.open(await owner(), topic, config);
  const all = await readAll(second, second.firstPosition);
  expect(all).toEqual(Array.from({ length: 450 }, (_, i) => `m${i}`));
  expect(second.lastConfirmed).toEqual(acked[449]);

  await expect(first.append(Buffer.from('zombie'))).rejects.toBeInstanceOf(TopicFencedError);
  expect(first.state).toBe('fenced');

  const next = await second.append(Buffer.from('after takeover'));
  expect(comparePositions(next, acked[449] as Position)).toBeGreaterThan(0);
  expect((await readAll(second, second.firstPosition)).at(-1)).toBe('after takeover');
  await second.close();
  await first.close();
});

it('reopens a cleanly closed log without recovery, and tails new entries', async () => {
  const topic = parseTopicName(`tail-${Date.now()}`);
  const first = await ManagedLedgerImpl.open(await owner(), topic, config);
  await Promise.all(Array.from({ length: 10 }, (_, i) => first.append(Buffer.from(`a${i}`))));
  await first.close();

  const second = await ManagedLedgerImpl.open(await owner(), topic, config);
  expect(await readAll(second, second.firstPosition)).toHaveLength(10);
  const last = second.lastConfirmed as Position;
  let woke = false;
  const waiting = second.waitForEntriesAfter(last).then(() => (woke = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(woke).toBe(false);
  const appended = await second.append(Buffer.from('tail'));
  await waiting;
  expect((await second.read(appended, 10)).map((e) => e.payload.toString())).toEqual(['tail']);
  expect(await second.read(second.nextPosition(appended), 10)).toEqual([]);
  await second.close();
});

it('recovers every ledger a previous owner left without a size, not only the last', async () => {
  const topic = parseTopicName(`unsized-${Date.now()}`);
  const { ledgers, metadata } = await owner();
  // A previous owner rolled from L1 to L2 and died before recording L1's size: both are open.
  const l1 = await ledgers.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 });
  await Promise.all(Array.from({ length: 100 }, (_, i) => l1.append(Buffer.from(`one ${i}`))));
  const l2 = await ledgers.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 });
  await Promise.all(Array.from({ length: 50 }, (_, i) => l2.append(Buffer.from(`two ${i}`))));
  const store = new ManagedLedgerStore(metadata, topicPath(topic), () => []);
  const { info, version } = await store.load();
  await store.update(
    {
      ...info,
      ledgers: [l1, l2].map((w) => ({
        ledgerId: w.ledgerId,
        entries: 0,
        sizeBytes: 0,
        createdAtMs: Date.now(),
      })),
    },
    version,
  );

  const ml = await ManagedLedgerImpl.open(await owner(), topic, config);
  const expected = [
    ...Array.from({ length: 100 }, (_, i) => `one ${i}`),
    ...Array.from({ length: 50 }, (_, i) => `two ${i}`),
  ];
  expect(await readAll(ml, ml.firstPosition)).toEqual(expected);
  await expect(l1.append(Buffer.from('late'))).rejects.toMatchObject({ code: 'LEDGER_FENCED' });
  await ml.close();
});

it('caches entries while a reader tails the topic, until every tailing reader has read them, within the budget; reads the rest from storage', async () => {
  const topic = parseTopicName(`entry-cache-${Date.now()}`);
  const { ledgers, metadata } = await owner();
  // Real storage underneath; the proxy only counts how often the managed ledger reaches for it.
  let storageReads = 0;
  const counted = new Proxy(ledgers, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'readerOf' && property !== 'openLedger') return value;
      return (...args: unknown[]) => {
        storageReads++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const budget = new EntryCacheBudget(4_000);
  const ml = await ManagedLedgerImpl.open(
    { ledgers: counted, metadata, entryCache: budget },
    topic,
    { ...config, maxEntriesPerLedger: 50_000 },
  );
  const payload = (i: number) => Buffer.from(`entry ${String(i).padStart(4, '0')} `.repeat(10));
  const positions: Position[] = [];
  // Nobody reads yet: nothing is kept.
  for (let i = 0; i < 5; i++) positions.push(await ml.append(payload(i)));
  expect(budget.usedBytes).toBe(0);

  // A subscription with consumers registers as a tailing reader; one that never moves keeps
  // everything appended since, within the budget.
  const tail = ml.addActiveReader(ml.nextPosition(positions[4] as Position));
  for (let i = 5; i < 500; i++) positions.push(await ml.append(payload(i)));
  expect(budget.usedBytes).toBeGreaterThan(3_000);
  expect(budget.usedBytes).toBeLessThanOrEqual(4_000);

  // The newest entries fit the budget: read without touching storage.
  const newest = await ml.read(positions[490] as Position, 10);
  expect(newest.map((e) => e.payload)).toEqual(
    Array.from({ length: 10 }, (_, i) => payload(490 + i)),
  );
  expect(storageReads).toBe(0);

  // Everything else comes back from storage, byte for byte and in order, across the seam.
  const all = await readAll(ml, ml.firstPosition);
  expect(all).toEqual(Array.from({ length: 500 }, (_, i) => payload(i).toString()));
  expect(storageReads).toBeGreaterThan(0);

  // Two readers: entries leave the cache once the slower one has read past them.
  const ahead = ml.addActiveReader(positions[495] as Position);
  const before = budget.usedBytes;
  tail.moveTo(positions[493] as Position);
  const perEntry = payload(0).byteLength;
  expect(budget.usedBytes).toBe(7 * perEntry);
  expect(before).toBeGreaterThan(budget.usedBytes);
  tail.close();
  expect(budget.usedBytes).toBe(5 * perEntry);
  storageReads = 0;
  expect((await ml.read(positions[495] as Position, 5)).map((e) => e.payload)).toEqual(
    Array.from({ length: 5 }, (_, i) => payload(495 + i)),
  );
  expect(storageReads).toBe(0);
  // Nobody tails any more: the topic holds nothing, and appends are not kept.
  ahead.close();
  expect(budget.usedBytes).toBe(0);
  await ml.append(payload(500));
  expect(budget.usedBytes).toBe(0);

  const again = ml.addActiveReader(ml.lastConfirmed as Position);
  await ml.append(payload(501));
  expect(budget.usedBytes).toBe(perEntry);
  await ml.close();
  expect(budget.usedBytes).toBe(0);
  again.close();
});
