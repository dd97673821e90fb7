import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { u64 } from '../../storage-node/server/entry-keys.js';

/**
 * The settings the storage node kept its entries in LevelDB with, before they moved to segment
 * files: a 64 MB memtable, no compression. The issue defines the ceiling as LevelDB's, so it stays
 * measured as it was, and comparable with the runs before.
 */
const ENTRY_DB_OPTIONS = {
  compression: false,
  writeBufferSize: 64 * 1024 * 1024,
  maxFileSize: 64 * 1024 * 1024,
  blockSize: 64 * 1024,
} as const;

export interface RawResult {
  entrySize: number;
  batchBytes: number;
  entriesPerSecond: number;
  megabytesPerSecond: number;
}

/**
 * The physical ceiling for a storage node: LevelDB write batches of `batchBytes`, each synced,
 * back to back, with entry-sized values under ascending 8-byte keys. Nothing else of Strata runs
 * here.
 */
export async function measureRawLevelDb(
  entrySize: number,
  batchBytes: number,
  totalBytes: number,
): Promise<RawResult> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-raw-leveldb-'));
  const db = new Level<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  await db.open(ENTRY_DB_OPTIONS);
  try {
    const perBatch = Math.max(1, Math.floor(batchBytes / entrySize));
    const batches = Math.max(1, Math.ceil(totalBytes / (perBatch * entrySize)));
    const value = randomBytes(entrySize);
    let entryId = 0;
    const started = performance.now();
    for (let b = 0; b < batches; b++) {
      const ops = new Array<{ type: 'put'; key: Buffer; value: Buffer }>(perBatch);
      for (let i = 0; i < perBatch; i++) {
        ops[i] = { type: 'put', key: u64(entryId++), value };
      }
      await db.batch(ops, { sync: true });
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      entrySize,
      batchBytes,
      entriesPerSecond: entryId / seconds,
      megabytesPerSecond: (entryId * entrySize) / 1e6 / seconds,
    };
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
