import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, expect, it, vi } from 'vitest';
import { StepwiseTableSync } from '../../storage-node/server/stepwise-table-sync.js';

const MB = 1024 * 1024;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function watched(stepBytes: number, idleMs = 2_000) {
  const dir = await mkdtemp(join(tmpdir(), 'strata-table-sync-'));
  const syncs: Array<{ file: string; bytes: number }> = [];
  const sync = new StepwiseTableSync(dir, {
    stepBytes,
    idleMs,
    logger: pino({ level: 'silent' }),
    onSync: (file, bytes) => syncs.push({ file, bytes }),
  });
  cleanups.push(async () => {
    await sync.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { dir, sync, syncs };
}

/** Writes `total` bytes in 64 KB writes, as LevelDB's table builder does, letting events arrive. */
async function writeLike(handle: FileHandle, total: number): Promise<void> {
  const block = Buffer.alloc(64 * 1024, 7);
  for (let written = 0; written < total; written += block.length) {
    await handle.write(block);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

it('syncs a table while LevelDB is still writing it, a step at a time', async () => {
  const { dir, syncs } = await watched(MB);
  const table = await open(join(dir, '000005.ldb'), 'w');
  cleanups.push(() => table.close());
  // Each step's sync must come while the file is still open and growing, not at its end.
  for (let step = 1; step <= 5; step++) {
    await writeLike(table, MB);
    await vi.waitFor(() => expect(syncs.at(-1)?.bytes).toBe(step * MB), { timeout: 10_000 });
  }
  expect(syncs).toEqual([1, 2, 3, 4, 5].map((step) => ({ file: '000005.ldb', bytes: step * MB })));
  // Less than a step more is left to LevelDB's own sync at the end.
  await writeLike(table, MB / 2);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(syncs).toHaveLength(5);
});

it('leaves the log, the manifest and small tables alone', async () => {
  const { dir, sync, syncs } = await watched(MB);
  for (const name of ['000003.log', 'MANIFEST-000002']) {
    const file = await open(join(dir, name), 'w');
    await writeLike(file, 3 * MB);
    await file.close();
  }
  const small = await open(join(dir, '000007.ldb'), 'w');
  cleanups.push(() => small.close());
  await writeLike(small, MB / 2);
  // The table's events arrive after the log's and the manifest's: all of them have been seen.
  await vi.waitFor(() => expect(sync.openFiles).toBe(1), { timeout: 10_000 });
  expect(syncs).toEqual([]);
});

it('lets go of a table LevelDB has finished', async () => {
  const { dir, sync, syncs } = await watched(MB, 1_000);
  const finished = await open(join(dir, '000008.ldb'), 'w');
  await writeLike(finished, 2 * MB);
  await finished.close();
  await vi.waitFor(() => expect(syncs.at(-1)?.bytes).toBe(2 * MB), { timeout: 10_000 });
  expect(sync.openFiles).toBe(1);
  await vi.waitFor(() => expect(sync.openFiles).toBe(0), { timeout: 10_000 });
});

it('lets go of a table a compaction deleted at once, not when it goes idle', async () => {
  const { dir, sync } = await watched(MB, 60_000);
  const deleted = await open(join(dir, '000009.ldb'), 'w');
  await writeLike(deleted, MB / 2);
  await deleted.close();
  await vi.waitFor(() => expect(sync.openFiles).toBe(1), { timeout: 10_000 });
  await rm(join(dir, '000009.ldb'));
  await vi.waitFor(() => expect(sync.openFiles).toBe(0), { timeout: 10_000 });
});

it('does nothing after close', async () => {
  const closed = await watched(MB);
  await closed.sync.close();
  // A second, open instance on the same directory proves the writes were seen by the system.
  const witness = new StepwiseTableSync(closed.dir, {
    stepBytes: MB,
    logger: pino({ level: 'silent' }),
  });
  cleanups.push(() => witness.close());
  const table = await open(join(closed.dir, '000010.ldb'), 'w');
  cleanups.push(() => table.close());
  await writeLike(table, 3 * MB);
  await vi.waitFor(() => expect(witness.openFiles).toBe(1), { timeout: 10_000 });
  expect(closed.syncs).toEqual([]);
  expect(closed.sync.openFiles).toBe(0);
});

it('a node whose directory cannot be watched still runs, and says so', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
  const sync = new StepwiseTableSync(join(tmpdir(), 'strata-no-such-directory', 'entries'), {
    stepBytes: MB,
    logger,
  });
  expect(sync.openFiles).toBe(0);
  await sync.close();
  expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
    'not watching LevelDB tables: they reach the disk in one burst each',
  ]);
});
