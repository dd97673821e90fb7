import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { LevelPersistence } from '../../services/metadata/engine/level-persistence.js';
import { MetadataEngine } from '../../services/metadata/engine/metadata-engine.js';
import { EntryStore } from '../../storage-node/server/entry-store.js';
import {
  LedgerGarbageCollector,
  MAX_INTERVAL_MS,
} from '../../storage-node/server/ledger-garbage-collector.js';
import { makeTempDir } from '../harness/temp-dir.js';

// The collector's guards, on a real entry store and a real embedded metadata engine in this
// process, where a test can act in the middle of a pass.

const logger = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const dir = await makeTempDir('gc');
  cleanups.push(dir.remove);
  const store = await EntryStore.open({
    directory: join(dir.path, 'entries'),
    indexDirectory: join(dir.path, 'index'),
    stateDirectory: join(dir.path, 'ledgers'),
    logger,
  });
  cleanups.push(() => store.close());
  const metadata = await MetadataEngine.open(new LevelPersistence(join(dir.path, 'metadata')));
  cleanups.push(() => metadata.close());
  const write = async (ledgerId: number, entries: number) => {
    for (let entryId = 0; entryId < entries; entryId++) {
      const payload = Buffer.from(`ledger ${ledgerId} entry ${entryId}`);
      const outcome = await store.add(
        { ledgerId, entryId, lac: entryId - 1, payload, crc32c: crc32c(payload) },
        false,
      );
      expect(outcome).toBe('ok');
    }
  };
  const setCounter = (value: number) =>
    metadata.put(clusterKeys.ledgerIdCounter, Buffer.from(String(value)));
  const createMetadata = (ledgerId: number) =>
    metadata.put(clusterKeys.ledger(ledgerId), Buffer.from('metadata'));
  const held = async (ledgerId: number) =>
    (await store.read(ledgerId, 0)).status === 'ok' ? 'held' : 'gone';
  return { store, metadata, write, setCounter, createMetadata, held };
}

it('deletes nothing when a ledger is above the ledger-id counter', async () => {
  const { store, metadata, write, setCounter, held } = await setUp();
  await write(4, 3);
  await write(5, 3);
  await setCounter(3);
  const collector = new LedgerGarbageCollector(store, metadata, { intervalMs: 0, logger });
  const pass = await collector.collect();
  expect(pass.refused).toMatch(/ledger 5 is above the metadata store's ledger-id counter \(3\)/);
  expect(pass.deleted).toEqual([]);
  expect(await held(4)).toBe('held');
  expect(await held(5)).toBe('held');
});

it('a ledger created during a pass neither trips the guard nor is deleted', async () => {
  const { store, metadata, write, setCounter, createMetadata, held } = await setUp();
  await write(1, 3); // deleted: no metadata
  await write(2, 3);
  await createMetadata(2);
  await setCounter(2);
  // Ledger 3 is created (id, metadata, entries) while the pass walks past ledger 1.
  const walking: typeof store = Object.create(store);
  walking.ledgersWithEntries = async function* () {
    for await (const ledgerId of store.ledgersWithEntries()) {
      yield ledgerId;
      if (ledgerId === 1) {
        await setCounter(3);
        await createMetadata(3);
        await write(3, 3);
      }
    }
  };
  const collector = new LedgerGarbageCollector(walking, metadata, { intervalMs: 0, logger });
  const pass = await collector.collect();
  expect(pass).toEqual({ checked: 3, deleted: [1] });
  expect(await held(1)).toBe('gone');
  expect(await held(2)).toBe('held');
  expect(await held(3)).toBe('held');
  // Deleted entries stay deleted: the next pass finds nothing to do.
  expect(await collector.collect()).toEqual({ checked: 2, deleted: [] });
});

it('refuses an interval a Node timer cannot wait', async () => {
  const { store, metadata } = await setUp();
  expect(
    () => new LedgerGarbageCollector(store, metadata, { intervalMs: MAX_INTERVAL_MS + 1, logger }),
  ).toThrow(/outside 0\.\.2147483647/);
});
