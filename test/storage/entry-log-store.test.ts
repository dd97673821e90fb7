import { mkdtemp, open as openFile, readdir, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';
import { Level } from 'level';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { CHECKPOINT_KEY, indexKey, readU64, u64 } from '../../storage-node/server/entry-keys.js';
import {
  FRAME_HEADER,
  offsetOf,
  positionOf,
  segmentOf,
} from '../../storage-node/server/entry-log/log-frame.js';
import { segmentFileName } from '../../storage-node/server/entry-log/segment-files.js';
import { EntryStore } from '../../storage-node/server/entry-store.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function paths() {
  const dir = await mkdtemp(join(tmpdir(), 'strata-entry-store-'));
  dirs.push(dir);
  return {
    directory: join(dir, 'entry-log'),
    indexDirectory: join(dir, 'index'),
    stateDirectory: join(dir, 'ledgers'),
    formerEntriesDirectory: join(dir, 'entries'),
  };
}
type Where = Awaited<ReturnType<typeof paths>>;

const open = (where: Where, segmentBytes?: number) =>
  EntryStore.open({ ...where, segmentBytes, logger: pino({ level: 'silent' }) });

const level = (directory: string) =>
  new Level<Buffer, Buffer>(directory, { keyEncoding: 'buffer', valueEncoding: 'buffer' });

async function prefixesOf(directory: string): Promise<string[]> {
  const db = level(directory);
  const prefixes: string[] = [];
  for await (const key of db.keys()) prefixes.push(String.fromCharCode(key[0] as number));
  await db.close();
  return prefixes;
}

const segmentFiles = async (where: Where) =>
  (await readdir(where.directory)).filter((name) => name.endsWith('.log')).sort();

/** [ledger, entry] of each record in a segment file, in file order, read without the store. */
async function recordsIn(path: string): Promise<Array<[number, number]>> {
  const file = await openFile(path, 'r');
  const bytes = await file.readFile();
  await file.close();
  const found: Array<[number, number]> = [];
  for (let at = 0; at + FRAME_HEADER <= bytes.byteLength;) {
    const length = bytes.readUInt32BE(at);
    if (length === 0) break;
    const record = bytes.subarray(at + FRAME_HEADER, at + FRAME_HEADER + length);
    found.push([readU64(record, 13), readU64(record, 21)]);
    at += FRAME_HEADER + length;
  }
  return found;
}

/** Where the index says the entry is: [log position, record length]. */
async function placeOf(where: Where, ledgerId: number, entryId: number) {
  const index = level(where.indexDirectory);
  const value = await index.get(indexKey(ledgerId, entryId));
  await index.close();
  if (!value) throw new Error(`${ledgerId}:${entryId} is not indexed`);
  return { position: readU64(value, 0), length: value.readUInt32BE(8) };
}

function entry(ledgerId: number, entryId: number, text = `ledger ${ledgerId} entry ${entryId}`) {
  const payload = Buffer.from(text);
  return { ledgerId, entryId, lac: entryId - 1, payload, crc32c: crc32c(payload) >>> 0 };
}

async function entryIdsOf(store: EntryStore, ledgerId: number): Promise<number[]> {
  const ids: number[] = [];
  for await (const { entryId, outcome } of store.readRange(ledgerId, 0, 1_000)) {
    expect(outcome.status === 'ok' && outcome.entry.payload.toString()).toMatch(
      new RegExp(`^ledger ${ledgerId} entry ${entryId}\\b`),
    );
    ids.push(entryId);
  }
  return ids;
}

it('keeps entries in segment files in write order and rebuilds each ledger state from its last entry', async () => {
  const where = await paths();
  const store = await open(where);
  // Ten ledgers written round-robin, as many topics at once write them.
  for (let round = 0; round < 5; round++) {
    await Promise.all(Array.from({ length: 10 }, (_, l) => store.add(entry(l + 1, round), false)));
  }
  expect(await store.add(entry(40, 0), false)).toBe('ok');
  await store.fence(2);
  expect(await store.add(entry(2, 5), false)).toBe('fenced');
  await store.close();

  const files = await segmentFiles(where);
  const written = await recordsIn(join(where.directory, files[0] as string));
  // In the file the log is in write order: round by round, not ledger by ledger.
  expect(written.slice(0, 50).map(([, id]) => id)).toEqual(
    [...Array(5).keys()].flatMap((r) => Array(10).fill(r)),
  );
  expect(written.at(-1)).toEqual([40, 0]);
  expect(new Set(await prefixesOf(where.indexDirectory))).toEqual(new Set(['c', 'i', 'w']));
  // Only the fence is recorded: the rest of each ledger's state is read from its entries.
  expect(await prefixesOf(where.stateDirectory)).toEqual(['l']);

  const reopened = await open(where);
  expect(reopened.state(1)).toEqual({ lac: 3, lastEntryId: 4, fenced: false });
  expect(reopened.state(2)).toEqual({ lac: 3, lastEntryId: 4, fenced: true });
  expect(reopened.state(40)).toEqual({ lac: -1, lastEntryId: 0, fenced: false });
  expect(reopened.listLedgers(0, 100).ledgerIds).toEqual(
    [...Array(10).keys()].map((l) => l + 1).concat(40),
  );
  expect(await reopened.add(entry(2, 5), false)).toBe('fenced');
  for (let l = 1; l <= 10; l++) expect(await entryIdsOf(reopened, l)).toEqual([0, 1, 2, 3, 4]);
  await reopened.close();
});

it('rebuilds index records lost with the machine from the log, and drops those the log does not back', async () => {
  const where = await paths();
  const store = await open(where);
  for (let i = 0; i < 6; i++) expect(await store.add(entry(3, i), false)).toBe('ok');
  await store.close();

  // The index is not synced between checkpoints. A machine that stops can lose records written
  // since the last one, even some before a later one LevelDB recovers (entries 2, 3 and 5 here).
  const first = await placeOf(where, 3, 1);
  const fifth = await placeOf(where, 3, 5);
  const index = level(where.indexDirectory);
  expect(readU64((await index.get(CHECKPOINT_KEY)) as Buffer, 0)).toBe(fifth.position);
  await index.batch([
    { type: 'del', key: indexKey(3, 2) },
    { type: 'del', key: indexKey(3, 3) },
    { type: 'del', key: indexKey(3, 5) },
    { type: 'put', key: CHECKPOINT_KEY, value: u64(first.position) },
  ]);
  await index.close();
  const caughtUp = await open(where);
  expect(caughtUp.state(3)).toEqual({ lac: 4, lastEntryId: 5, fenced: false });
  expect(await entryIdsOf(caughtUp, 3)).toEqual([0, 1, 2, 3, 4, 5]);
  for (let i = 6; i < 8; i++) expect(await caughtUp.add(entry(3, i), false)).toBe('ok');
  await caughtUp.close();

  // Entries 6 and 7 were indexed, but their log write never reached the disk.
  const sixth = await placeOf(where, 3, 6);
  const segment = segmentFileName(segmentOf(sixth.position));
  await truncate(join(where.directory, segment), offsetOf(sixth.position));

  const reopened = await open(where);
  expect(reopened.state(3)).toEqual({ lac: 4, lastEntryId: 5, fenced: false });
  expect(await entryIdsOf(reopened, 3)).toEqual([0, 1, 2, 3, 4, 5]);
  expect((await reopened.read(3, 6)).status).toBe('no-entry');
  // A new entry 6 takes a position after every one the index has named: in a new segment.
  expect(await reopened.add(entry(3, 6), false)).toBe('ok');
  expect(await entryIdsOf(reopened, 3)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  await reopened.close();
  expect(segmentOf((await placeOf(where, 3, 6)).position)).toBe(segmentOf(sixth.position) + 1);
  const again = await open(where);
  expect(await entryIdsOf(again, 3)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  await again.close();
});

it('ends the log at a torn last write, and never hands out its position again', async () => {
  const where = await paths();
  const store = await open(where);
  for (let i = 0; i < 3; i++) expect(await store.add(entry(8, i), false)).toBe('ok');
  await store.close();
  const path = join(where.directory, (await segmentFiles(where))[0] as string);
  const whole = (await stat(path)).size;
  const third = await placeOf(where, 8, 2);
  // Half of entry 2's frame reached the disk; its index record was lost with the machine.
  await truncate(path, offsetOf(third.position) + Math.floor((FRAME_HEADER + third.length) / 2));
  const first = await placeOf(where, 8, 0);
  const index = level(where.indexDirectory);
  await index.batch([
    { type: 'del', key: indexKey(8, 2) },
    { type: 'put', key: CHECKPOINT_KEY, value: u64(first.position) },
  ]);
  await index.close();

  const reopened = await open(where);
  expect(reopened.state(8)).toEqual({ lac: 0, lastEntryId: 1, fenced: false });
  expect(await entryIdsOf(reopened, 8)).toEqual([0, 1]);
  expect(await reopened.add(entry(8, 2), false)).toBe('ok');
  expect(await reopened.add(entry(8, 3), false)).toBe('ok');
  await reopened.close();
  // Entry 2's index record may have been written before the machine stopped (the watermark says
  // so): the log goes on in a new segment, where no index record can point.
  expect((await placeOf(where, 8, 2)).position).toBe(positionOf(segmentOf(third.position) + 1, 0));
  expect((await stat(path)).size).toBeLessThan(whole);
  const again = await open(where);
  expect(await entryIdsOf(again, 8)).toEqual([0, 1, 2, 3]);
  await again.close();
});

it('deletes a segment once no ledger has records in it, now or at the next start', async () => {
  const where = await paths();
  // 4 KB segments: ledger 5's entries fill the first ones, ledger 6 shares the later ones.
  const store = await open(where, 4096);
  const big = (l: number, i: number) => entry(l, i, `ledger ${l} entry ${i} `.padEnd(1000, '.'));
  for (let i = 0; i < 12; i++) expect(await store.add(big(5, i), false)).toBe('ok');
  for (let i = 0; i < 6; i++) {
    expect(await store.add(big(5, 12 + i), false)).toBe('ok');
    expect(await store.add(big(6, i), false)).toBe('ok');
  }
  expect(await store.add(big(7, 0), false)).toBe('ok');
  // A recovery writes entry 2 of ledger 6 again: the copy it replaces no longer counts.
  expect(await store.add(big(6, 2), true)).toBe('ok');
  const before = await segmentFiles(where);
  expect(before.length).toBeGreaterThanOrEqual(8);
  const ledgersOf = async (name: string) =>
    new Set((await recordsIn(join(where.directory, name))).map(([l]) => l));
  const onlyFive: string[] = [];
  for (const name of before) {
    const ledgers = await ledgersOf(name);
    if (ledgers.size === 1 && ledgers.has(5)) onlyFive.push(name);
  }
  expect(onlyFive.length).toBeGreaterThanOrEqual(2);

  expect(await store.deleteLedger(5)).toBe(true);
  await (store as unknown as { log: { deleted(): Promise<void> } }).log.deleted();
  // Every segment of ledger 5 alone is gone; those it shared with ledger 6 stay.
  expect(await segmentFiles(where)).toEqual(before.filter((name) => !onlyFive.includes(name)));
  expect((await store.read(5, 0)).status).toBe('no-entry');
  expect(await entryIdsOf(store, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  await store.close();

  // Ledger 6 goes while the node is down: its index records are removed, its segments not yet.
  const index = level(where.indexDirectory);
  const keys = await index.keys({ gte: indexKey(6, 0), lte: indexKey(6, 100) }).all();
  await index.batch(keys.map((key) => ({ type: 'del' as const, key })));
  await index.close();
  const reopened = await open(where, 4096);
  await (reopened as unknown as { log: { deleted(): Promise<void> } }).log.deleted();
  // Left: the segments with ledger 7's entry, and the active one (written last) with the one ahead.
  const left = await segmentFiles(where);
  expect(left.length).toBeLessThan(before.length - onlyFive.length);
  for (const name of left.slice(0, -2)) expect((await ledgersOf(name)).has(7), name).toBe(true);
  expect((await reopened.read(7, 0)).status).toBe('ok');
  await reopened.close();
});

it('refuses a data dir whose entries are still in LevelDB, the layout before segment files', async () => {
  const where = await paths();
  const old = level(where.formerEntriesDirectory);
  await old.put(Buffer.from('p'), Buffer.from('an entry'));
  await old.close();
  await expect(open(where)).rejects.toThrow(/layout before the entry log/);
});
