import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
import {
  CHECKPOINT_KEY,
  indexKey,
  ledgerKey,
  positionKey,
  positionOfKey,
  readU64,
  u64,
} from '../../storage-node/server/entry-keys.js';
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
  return {
    directory: join(dir, 'entries'),
    indexDirectory: join(dir, 'index'),
    stateDirectory: join(dir, 'ledgers'),
  };
}
type Where = Awaited<ReturnType<typeof paths>>;

const open = (where: Where) => EntryStore.open({ ...where, logger: pino({ level: 'silent' }) });

const level = (directory: string) =>
  new Level<Buffer, Buffer>(directory, { keyEncoding: 'buffer', valueEncoding: 'buffer' });

async function keysOf(directory: string): Promise<Buffer[]> {
  const db = level(directory);
  const keys: Buffer[] = [];
  for await (const key of db.keys()) keys.push(key);
  await db.close();
  return keys;
}

const prefixesOf = async (directory: string) =>
  (await keysOf(directory)).map((key) => String.fromCharCode(key[0] as number));

function entry(ledgerId: number, entryId: number) {
  const payload = Buffer.from(`ledger ${ledgerId} entry ${entryId}`);
  return { ledgerId, entryId, lac: entryId - 1, payload, crc32c: crc32c(payload) >>> 0 };
}

it('keeps only the entry log in the entries LevelDB and rebuilds each ledger state from its last entry', async () => {
  const where = await paths();
  const store = await open(where);
  for (let i = 0; i < 10; i++) expect(await store.add(entry(1, i), false)).toBe('ok');
  expect(await store.add(entry(2, 0), false)).toBe('ok');
  for (let i = 0; i < 3; i++) expect(await store.add(entry(40, i), false)).toBe('ok');
  await store.fence(2);
  expect(await store.add(entry(2, 1), false)).toBe('fenced');
  await store.close();

  // Nothing but log positions beside the entries: LevelDB can move its files down whole.
  expect(new Set(await prefixesOf(where.directory))).toEqual(new Set(['p']));
  expect(new Set(await prefixesOf(where.indexDirectory))).toEqual(new Set(['c', 'i', 'w']));
  // Only the fence is recorded: the rest of each ledger's state is read from its entries.
  expect(await prefixesOf(where.stateDirectory)).toEqual(['l']);

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

it('keys entries by the order they were written, whichever ledger they belong to', async () => {
  const where = await paths();
  const store = await open(where);
  // Ten ledgers written round-robin, as many topics at once write them.
  for (let round = 0; round < 5; round++) {
    await Promise.all(Array.from({ length: 10 }, (_, l) => store.add(entry(l + 1, round), false)));
  }
  await store.close();

  const entries = level(where.directory);
  const written: Array<[number, number]> = [];
  for await (const record of entries.values()) {
    const text = record.subarray(29).toString();
    const [, ledger, id] = /ledger (\d+) entry (\d+)/.exec(text) as RegExpExecArray;
    written.push([Number(ledger), Number(id)]);
  }
  await entries.close();
  // In key order the log is in write order: round by round, not ledger by ledger.
  expect(written.map(([, id]) => id)).toEqual(
    [...Array(5).keys()].flatMap((r) => Array(10).fill(r)),
  );

  const reopened = await open(where);
  for (let l = 1; l <= 10; l++) {
    const ids: number[] = [];
    for await (const { entryId, outcome } of reopened.readRange(l, 0, 10)) {
      expect(outcome.status === 'ok' && outcome.entry.payload.toString()).toBe(
        `ledger ${l} entry ${entryId}`,
      );
      ids.push(entryId);
    }
    expect(ids).toEqual([0, 1, 2, 3, 4]);
  }
  await reopened.close();
});

it('rebuilds index records lost with the machine from the log, and drops those the log does not back', async () => {
  const where = await paths();
  const store = await open(where);
  for (let i = 0; i < 6; i++) expect(await store.add(entry(3, i), false)).toBe('ok');
  await store.close();

  // The index is not synced between checkpoints. A machine that stops can lose records written
  // since the last one, even some before a later one LevelDB recovers (entries 2, 3 and 5 here,
  // the watermark kept), or keep records whose synced entry write never finished (6 and 7, below).
  const index = level(where.indexDirectory);
  const positionOf = async (entryId: number) =>
    readU64((await index.get(indexKey(3, entryId))) as Buffer, 0);
  const [first, third, fifth] = [await positionOf(1), await positionOf(3), await positionOf(5)];
  expect(readU64((await index.get(CHECKPOINT_KEY)) as Buffer, 0)).toBe(fifth);
  await index.batch([
    { type: 'del', key: indexKey(3, 2) },
    { type: 'del', key: indexKey(3, 3) },
    { type: 'del', key: indexKey(3, 5) },
    { type: 'put', key: CHECKPOINT_KEY, value: u64(first) },
  ]);
  await index.close();
  const caughtUp = await open(where);
  expect(caughtUp.state(3)).toEqual({ lac: 4, lastEntryId: 5, fenced: false });
  for (let i = 0; i < 6; i++) expect((await caughtUp.read(3, i)).status, `entry ${i}`).toBe('ok');
  for (let i = 6; i < 8; i++) expect(await caughtUp.add(entry(3, i), false)).toBe('ok');
  await caughtUp.close();
  const log = level(where.directory);
  const seventh = (await log.keys({ reverse: true, limit: 1 }).all())[0] as Buffer;
  await log.del(seventh);
  await log.del(positionKey(positionOfKey(seventh) - 1));
  await log.close();

  const reopened = await open(where);
  expect(reopened.state(3)).toEqual({ lac: 4, lastEntryId: 5, fenced: false });
  const ids: number[] = [];
  for await (const { entryId, outcome } of reopened.readRange(3, 0, 100)) {
    expect(outcome.status).toBe('ok');
    ids.push(entryId);
  }
  expect(ids).toEqual([0, 1, 2, 3, 4, 5]);
  expect((await reopened.read(3, 6)).status).toBe('no-entry');
  // A new entry 6 takes a position after every one the index has named, held or not.
  expect(await reopened.add(entry(3, 6), false)).toBe('ok');
  await reopened.close();
  const positions = (await keysOf(where.directory)).map(positionOfKey);
  expect(positions.at(-1)).toBe(positionOfKey(seventh) + 1);
  expect(positions.length).toBe(7);
  expect(fifth).toBeGreaterThan(third);
  expect(await prefixesOf(where.indexDirectory)).toEqual(['c', ...Array(7).fill('i'), 'w']);
});

it('keeps one record of an entry written twice, and deletes a ledger from the log and the index', async () => {
  const where = await paths();
  const store = await open(where);
  for (let i = 0; i < 4; i++) expect(await store.add(entry(5, i), false)).toBe('ok');
  expect(await store.add(entry(6, 0), false)).toBe('ok');
  // A recovery writes entry 2 again: the copy it replaces leaves the log.
  const again = { ...entry(5, 2), payload: Buffer.from('ledger 5 entry 2, again') };
  expect(await store.add({ ...again, crc32c: crc32c(again.payload) >>> 0 }, true)).toBe('ok');
  const read = await store.read(5, 2);
  expect(read.status === 'ok' && read.entry.payload.toString()).toBe('ledger 5 entry 2, again');
  await store.close();
  expect((await keysOf(where.directory)).length).toBe(5);

  const reopened = await open(where);
  expect(await reopened.deleteLedger(5)).toBe(true);
  expect((await reopened.read(5, 0)).status).toBe('no-entry');
  expect((await reopened.read(6, 0)).status).toBe('ok');
  await reopened.close();
  expect((await keysOf(where.directory)).length).toBe(1);
  const indexed = (await keysOf(where.indexDirectory)).filter((k) => k[0] === 0x69);
  expect(indexed).toEqual([indexKey(6, 0)]);
});

it('refuses a directory of entries keyed by ledger, the layout before the entry log', async () => {
  const where = await paths();
  const old = level(where.directory);
  const key = Buffer.alloc(17);
  key[0] = 0x65;
  await old.put(key, Buffer.from('an entry of ledger 0'));
  await old.close();
  await expect(open(where)).rejects.toThrow(/keyed by ledger/);
  // Nothing was left open: the directory opens again.
  const again = level(where.directory);
  await again.open();
  await again.close();
  expect(positionKey(0)[0]).toBe(0x70);
});

it('lets LevelDB move the tables of many ledgers written at once down whole, never rewriting them', async () => {
  const where = await paths();
  const store = await open(where);
  // 100 ledgers written round-robin, 64 KB entries, past three 64 MB memtables: three flushes.
  const payload = randomBytes(64 * 1024);
  const checksum = crc32c(payload) >>> 0;
  const ledgers = 100;
  const total = 3_300;
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < total; i = next++) {
      const add = { ledgerId: (i % ledgers) + 1, entryId: Math.floor(i / ledgers) };
      expect(
        await store.add({ ...add, lac: add.entryId - 1, payload, crc32c: checksum }, false),
      ).toBe('ok');
    }
  };
  await Promise.all(Array.from({ length: 64 }, writer));
  await store.close();

  const log = await readFile(join(where.directory, 'LOG'), 'utf8');
  expect(log.match(/Level-0 table #\d+: started/g)?.length).toBeGreaterThanOrEqual(3);
  // Keyed by ledger, each flush overlapped the tables before it, and LevelDB merged them again.
  expect(log).not.toMatch(/Compacting|Compacted/);
}, 60_000);
