import {
  link,
  mkdtemp,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  unlink,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Level } from 'level';
import pino from 'pino';
import { afterEach, expect, it, vi } from 'vitest';
import { EntryStore } from '../../storage-node/server/entry-store.js';
import { PacedLogDeletion } from '../../storage-node/server/paced-log-deletion.js';

const MB = 1024 * 1024;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Writes a file of `bytes` and syncs it, so its blocks are allocated on disk as a log's are. */
async function writeSynced(path: string, bytes: number): Promise<void> {
  const file = await open(path, 'w');
  await file.write(Buffer.alloc(bytes, 7));
  await file.datasync();
  await file.close();
}

/** The files under `dir` this process holds open, as the kernel names them ("... (deleted)"). */
async function openFilesUnder(dir: string): Promise<string[]> {
  const fds = await readdir('/proc/self/fd');
  const targets = await Promise.all(
    fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')),
  );
  return targets.filter((target) => target.startsWith(`${dir}/`));
}

/** Waits until this process holds `file` open (the class's handle, once its open completed). */
async function held(file: string): Promise<void> {
  await vi.waitFor(async () => expect(await openFilesUnder(dirname(file))).toContain(file), {
    timeout: 10_000,
  });
}

async function paced(
  options: { stepBytes?: number; stepIntervalMs?: number; sweepMs?: number } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'strata-log-deletion-'));
  const steps: Array<{ file: string; heldBytes: number }> = [];
  const start = () => {
    const deletion = new PacedLogDeletion(dir, {
      stepBytes: options.stepBytes ?? MB,
      stepIntervalMs: options.stepIntervalMs ?? 20,
      ...(options.sweepMs === undefined ? {} : { sweepMs: options.sweepMs }),
      logger: pino({ level: 'silent' }),
      onStep: (file, heldBytes) => steps.push({ file, heldBytes }),
    });
    cleanups.push(() => deletion.close());
    return deletion;
  };
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { dir, steps, start };
}

it('holds a deleted log and frees it a step at a time', async () => {
  const { dir, steps, start } = await paced({ stepBytes: MB, stepIntervalMs: 300 });
  // There before the watch began, as the log LevelDB has open when the node starts.
  await writeSynced(join(dir, '000003.log'), 4 * MB + MB / 2);
  const deletion = start();
  await held(join(dir, '000003.log'));
  expect(deletion.heldFiles).toBe(1);

  await unlink(join(dir, '000003.log'));
  // Unlinked, yet its blocks are still ours: the handle keeps them until the steps free them.
  await vi.waitFor(() => expect(steps.length).toBeGreaterThan(0), { timeout: 10_000 });
  expect(await openFilesUnder(dir)).toEqual([`${join(dir, '000003.log')} (deleted)`]);
  await vi.waitFor(() => expect(steps.at(-1)?.heldBytes).toBe(0), { timeout: 10_000 });
  expect(steps).toEqual(
    [3.5 * MB, 2.5 * MB, 1.5 * MB, 0.5 * MB, 0].map((heldBytes) => ({
      file: '000003.log',
      heldBytes,
    })),
  );
  expect(deletion.heldFiles).toBe(0);
  expect(await openFilesUnder(dir)).toEqual([]);
});

it('picks up a log created after the watch began', async () => {
  const { dir, steps, start } = await paced();
  start();
  await writeSynced(join(dir, '000005.log'), 2 * MB + 1);
  await held(join(dir, '000005.log'));
  await unlink(join(dir, '000005.log'));
  await vi.waitFor(() => expect(steps.at(-1)?.heldBytes).toBe(0), { timeout: 10_000 });
  expect(steps.map((s) => s.heldBytes)).toEqual([MB + 1, 1, 0]);
  expect(await openFilesUnder(dir)).toEqual([]);
});

it('leaves tables, the manifest and a log that is still live alone', async () => {
  const { dir, steps, start } = await paced();
  const deletion = start();
  for (const name of ['000007.ldb', 'MANIFEST-000002', 'CURRENT']) {
    await writeSynced(join(dir, name), 2 * MB);
  }
  await writeSynced(join(dir, '000009.log'), 2 * MB);
  await held(join(dir, '000009.log'));
  // The other files' events came before the log's: all have been seen, and none is held.
  expect(await openFilesUnder(dir)).toEqual([join(dir, '000009.log')]);
  // A write to the live log is not a deletion.
  const log = await open(join(dir, '000009.log'), 'a');
  await log.write(Buffer.alloc(MB));
  await log.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(steps).toEqual([]);
  expect(deletion.heldFiles).toBe(1);
});

it('lets go of every handle on close, a release under way included', async () => {
  const { dir, steps, start } = await paced({ stepBytes: MB, stepIntervalMs: 60_000 });
  const deletion = start();
  await writeSynced(join(dir, '000011.log'), 8 * MB);
  await writeSynced(join(dir, '000012.log'), MB);
  await held(join(dir, '000011.log'));
  await held(join(dir, '000012.log'));
  expect(deletion.heldFiles).toBe(2);
  await unlink(join(dir, '000011.log'));
  // The first step comes at once; the next would be a minute later.
  await vi.waitFor(() => expect(steps).toHaveLength(1), { timeout: 10_000 });
  await deletion.close();
  expect(steps.at(-1)).toEqual({ file: '000011.log', heldBytes: 0 });
  expect(await openFilesUnder(dir)).toEqual([]);
});

it('never truncates a log that is still linked: renamed, or deleted under one of two names', async () => {
  const { dir, steps, start } = await paced();
  start();
  await writeSynced(join(dir, '000013.log'), 2 * MB);
  await writeSynced(join(dir, '000014.log'), 2 * MB);
  await held(join(dir, '000013.log'));
  await held(join(dir, '000014.log'));
  await rename(join(dir, '000013.log'), join(dir, 'renamed'));
  await link(join(dir, '000014.log'), join(dir, 'linked'));
  await unlink(join(dir, '000014.log'));
  // Neither is deleted: the handles are let go of, and not a byte is freed.
  await vi.waitFor(async () => expect(await openFilesUnder(dir)).toEqual([]), { timeout: 10_000 });
  expect(steps).toEqual([]);
  for (const name of ['renamed', 'linked']) {
    expect((await readFile(join(dir, name))).equals(Buffer.alloc(2 * MB, 7))).toBe(true);
  }
});

it('finds a deletion whose event never came on its next sweep', async () => {
  const { dir, steps, start } = await paced({ sweepMs: 200 });
  const deletion = start();
  await writeSynced(join(dir, '000015.log'), 2 * MB);
  await held(join(dir, '000015.log'));
  // As if inotify's queue had overflowed: no more events reach the class.
  (Reflect.get(deletion, 'watcher') as { close(): void }).close();
  await unlink(join(dir, '000015.log'));
  await vi.waitFor(() => expect(steps.at(-1)?.heldBytes).toBe(0), { timeout: 10_000 });
  expect(steps.map((s) => s.heldBytes)).toEqual([MB, 0]);
  expect(await openFilesUnder(dir)).toEqual([]);
});

it('frees the logs a real LevelDB deletes a step at a time, and holds none after', async () => {
  const { dir, steps, start } = await paced({ stepBytes: 64 * 1024, stepIntervalMs: 5 });
  const db = new Level<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  await db.open({ writeBufferSize: 256 * 1024 });
  cleanups.push(() => db.close());
  start();
  const logsOpen = async () => (await openFilesUnder(dir)).filter((f) => f.endsWith('.log'));
  // LevelDB's handle and this class's.
  await vi.waitFor(async () => expect(await logsOpen()).toHaveLength(2), { timeout: 10_000 });
  // 2 MB through a 256 KB memtable: several flushes, each deleting the log before it.
  const value = Buffer.alloc(16 * 1024, 3);
  for (let i = 0; i < 128; i++) {
    const key = Buffer.alloc(4);
    key.writeUInt32BE(i);
    await db.put(key, value, { sync: true });
  }
  const finished = () => new Set(steps.filter((s) => s.heldBytes === 0).map((s) => s.file));
  await vi.waitFor(() => expect(finished().size).toBeGreaterThan(2), { timeout: 10_000 });
  // Each deleted log was held and cut down before it was closed, not freed by LevelDB's unlink.
  // (One close behind another is freed after a single step, so held space cannot pile up.)
  const partialSteps = [...finished()].map(
    (file) => steps.filter((s) => s.file === file && s.heldBytes > 0).length,
  );
  expect(Math.min(...partialSteps)).toBeGreaterThan(0);
  expect(Math.max(...partialSteps)).toBeGreaterThan(1);
  const deletedOpen = async () =>
    (await openFilesUnder(dir)).filter((f) => f.endsWith('(deleted)'));
  await vi.waitFor(async () => expect(await deletedOpen()).toEqual([]), { timeout: 10_000 });
});

it('logs a warning and carries on when the directory cannot be watched', async () => {
  const warnings: unknown[] = [];
  const logger = pino({ level: 'silent' });
  logger.warn = ((...args: unknown[]) => warnings.push(args)) as typeof logger.warn;
  const deletion = new PacedLogDeletion(join(tmpdir(), 'strata-no-such-dir', String(Date.now())), {
    stepBytes: MB,
    stepIntervalMs: 20,
    logger,
  });
  expect(warnings).toHaveLength(1);
  expect(deletion.heldFiles).toBe(0);
  await deletion.close();
});

it.each([
  { sync: true, handles: 2 },
  { sync: false, handles: 1 },
])(
  'an entry store with sync $sync has $handles handle(s) on its LevelDB log',
  async ({ sync, handles }) => {
    const { dir } = await paced();
    const store = await EntryStore.open({
      directory: join(dir, 'entries'),
      indexDirectory: join(dir, 'index'),
      stateDirectory: join(dir, 'ledgers'),
      logger: pino({ level: 'silent' }),
      sync,
    });
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await store.close();
    });
    const logs = async () =>
      (await openFilesUnder(join(dir, 'entries'))).filter((f) => f.endsWith('.log'));
    // LevelDB's own, and with sync on this class's, which frees the log in steps once it is deleted.
    await vi.waitFor(async () => expect(await logs()).toHaveLength(handles), { timeout: 10_000 });
    closed = true;
    await store.close();
    expect(await logs()).toEqual([]);
  },
);
