import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';
import { Level } from 'level';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { loadMessageCodec } from '../../proto/load.js';
import type {
  LedgerState,
  LedgerState__Output,
} from '../../proto/generated/strata/storage/v1/LedgerState.js';
import { ledgerKey } from '../../storage-node/server/entry-keys.js';
import { EntryStore } from '../../storage-node/server/entry-store.js';

const stateCodec = loadMessageCodec<LedgerState, LedgerState__Output>(
  'strata/storage/v1/storage.proto',
  'strata.storage.v1.LedgerState',
);
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function paths() {
  const dir = await mkdtemp(join(tmpdir(), 'strata-entry-store-'));
  dirs.push(dir);
  return { directory: join(dir, 'entries'), stateDirectory: join(dir, 'ledgers') };
}

const open = (where: { directory: string; stateDirectory: string }) =>
  EntryStore.open({ ...where, logger: pino({ level: 'silent' }) });

async function keysOf(directory: string): Promise<string[]> {
  const db = new Level<Buffer, Buffer>(directory, {
    keyEncoding: 'buffer',
    valueEncoding: 'buffer',
  });
  const prefixes: string[] = [];
  for await (const key of db.keys()) prefixes.push(String.fromCharCode(key[0] as number));
  await db.close();
  return prefixes;
}

function entry(ledgerId: number, entryId: number) {
  const payload = Buffer.from(`ledger ${ledgerId} entry ${entryId}`);
  return { ledgerId, entryId, lac: entryId - 1, payload, crc32c: crc32c(payload) >>> 0 };
}

it('keeps only entries in the entries LevelDB and rebuilds each ledger state from its last entry', async () => {
  const where = await paths();
  const store = await open(where);
  for (let i = 0; i < 10; i++) expect(await store.add(entry(1, i), false)).toBe('ok');
  expect(await store.add(entry(2, 0), false)).toBe('ok');
  for (let i = 0; i < 3; i++) expect(await store.add(entry(40, i), false)).toBe('ok');
  await store.fence(2);
  expect(await store.add(entry(2, 1), false)).toBe('fenced');
  await store.close();

  // Nothing but ascending entry keys beside the entries: LevelDB can move its files down whole.
  expect(new Set(await keysOf(where.directory))).toEqual(new Set(['e']));
  // Only the fence is recorded: the rest of each ledger's state is read from its entries.
  expect(await keysOf(where.stateDirectory)).toEqual(['l']);

  const reopened = await open(where);
  // Ledger 1 has no record at all: it is found by its entries, its LAC and last entry from entry 9.
  expect(reopened.state(1)).toEqual({ lac: 8, lastEntryId: 9, fenced: false });
  expect(reopened.state(2)).toEqual({ lac: -1, lastEntryId: 0, fenced: true });
  expect(reopened.state(40)).toEqual({ lac: 1, lastEntryId: 2, fenced: false });
  expect(reopened.listLedgers(0, 10)).toEqual({ ledgerIds: [1, 2, 40], more: false });
  expect(await reopened.add(entry(2, 1), false)).toBe('fenced');
  const read = await reopened.read(1, 9);
  expect(read.status === 'ok' && read.entry.payload.toString()).toBe('ledger 1 entry 9');
  await reopened.close();
});

it('still honours a fence recorded beside the entries by an older node', async () => {
  const where = await paths();
  const legacy = new Level<Buffer, Buffer>(where.directory, {
    keyEncoding: 'buffer',
    valueEncoding: 'buffer',
  });
  await legacy.put(ledgerKey(7), stateCodec.encode({ lac: 3, lastEntryId: 4, fenced: true }));
  await legacy.close();

  const store = await open(where);
  expect(store.state(7)).toEqual({ lac: 3, lastEntryId: 4, fenced: true });
  expect(await store.add(entry(7, 5), false)).toBe('fenced');
  await store.close();
});
