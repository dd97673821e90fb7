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

it('syncs a table LevelDB is writing each time it has grown by a step', async () => {
  const { dir, syncs } = await watched(MB);
  const table = await open(join(dir, '000005.ldb'), 'w');
  cleanups.push(() => table.close());
  await writeLike(table, 6 * MB);
  await vi.waitFor(() => expect(syncs.at(-1)?.bytes).toBeGreaterThanOrEqual(5 * MB), {
    timeout: 5_000,
  });
  expect(new Set(syncs.map((s) => s.file))).toEqual(new Set(['000005.ldb']));
  // Steps, not a sync per write: each at least a step beyond the one before.
  expect(syncs.length).toBeGreaterThanOrEqual(3);
  expect(syncs.length).toBeLessThanOrEqual(6);
  for (let i = 1; i < syncs.length; i++) {
    expect(syncs[i]!.bytes - syncs[i - 1]!.bytes).toBeGreaterThanOrEqual(MB);
  }
});

it('leaves the log, the manifest and small tables alone', async () => {
  const { dir, syncs } = await watched(MB);
  for (const name of ['000003.log', 'MANIFEST-000002']) {
    const file = await open(join(dir, name), 'w');
    await writeLike(file, 3 * MB);
    await file.close();
  }
  const small = await open(join(dir, '000007.ldb'), 'w');
  await writeLike(small, MB / 2);
  await small.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(syncs).toEqual([]);
});

it('lets go of a finished table, and of one a compaction deleted', async () => {
  const { dir, sync, syncs } = await watched(MB, 100);
  const finished = await open(join(dir, '000008.ldb'), 'w');
  await writeLike(finished, 2 * MB);
  await finished.close();
  await vi.waitFor(() => expect(syncs.length).toBeGreaterThan(0), { timeout: 5_000 });
  expect(sync.openFiles).toBe(1);
  await vi.waitFor(() => expect(sync.openFiles).toBe(0), { timeout: 5_000 });

  const deleted = await open(join(dir, '000009.ldb'), 'w');
  await writeLike(deleted, MB / 2);
  await deleted.close();
  await rm(join(dir, '000009.ldb'));
  await vi.waitFor(() => expect(sync.openFiles).toBe(0), { timeout: 5_000 });
});

it('does nothing after close', async () => {
  const { dir, sync, syncs } = await watched(MB);
  await sync.close();
  const table = await open(join(dir, '000010.ldb'), 'w');
  await writeLike(table, 3 * MB);
  await table.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(syncs).toEqual([]);
  expect(sync.openFiles).toBe(0);
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
