import { Level } from 'level';
import type { Logger } from '../../services/common/logger.js';
import { idsOfEntry } from './entry-record.js';
import { writeBatch, type BatchOp } from './write-batch.js';
import {
  CHECKPOINT_KEY,
  WATERMARK_KEY,
  entryIdOfIndexKey,
  indexKey,
  indexKeyRange,
  ledgerIdOfIndexKey,
  ledgerIndexRange,
  positionKey,
  positionKeyRange,
  positionOfKey,
  readU64,
  u64,
} from './entry-keys.js';

type Db = Level<Buffer, Buffer>;

/** Index records a catch-up or a delete writes per LevelDB batch. */
const CHUNK = 1_000;
/** Index records a range read takes per trip to the thread pool. */
const INDEX_READ_ENTRIES = 1_024;
/**
 * How often the index makes what it has written durable: a start after a crash re-reads the log
 * from the last checkpoint, so about this much of it (a second of W1 is ~110 MB).
 */
const CHECKPOINT_INTERVAL_MS = 1_000;

/**
 * Where each entry sits in the entry log: (ledger, entry) -> log position, in a LevelDB of its own.
 * Its writes are not synced, since the entry log is and its records carry their own ids. About once
 * a second a synced write records a checkpoint, the position up to which the index is durable (the
 * sync flushes every write before it), and on opening the index re-reads the log from there, as
 * BookKeeper replays its journal from the last mark. Not from the latest watermark: after a power
 * loss LevelDB can recover a later unsynced batch and skip an earlier, damaged one.
 */
export class EntryIndex {
  /** The highest position of an index write that has completed. */
  private written: number;
  private checkpointed: number;
  private lastCheckpointAt = performance.now();
  private checkpointing: Promise<void> | undefined;

  private constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    /** The position after the last one the log or the index has used. */
    readonly nextPosition: number,
    durableUpTo: number,
  ) {
    this.written = durableUpTo;
    this.checkpointed = durableUpTo;
  }

  static async open(directory: string, entries: Db, logger: Logger): Promise<EntryIndex> {
    const db = new Level<Buffer, Buffer>(directory, {
      keyEncoding: 'buffer',
      valueEncoding: 'buffer',
    });
    await db.open();
    try {
      const positionAt = async (key: Buffer) => {
        const value = await db.get(key);
        return value === undefined ? -1 : readU64(value, 0);
      };
      const checkpoint = await positionAt(CHECKPOINT_KEY);
      // Index records can name positions past the log's end (their log write never finished):
      // those are never used again.
      const watermark = await positionAt(WATERMARK_KEY);
      const caughtUp = await catchUp(db, entries, checkpoint, watermark);
      if (caughtUp.last > checkpoint) {
        await db.put(CHECKPOINT_KEY, u64(caughtUp.last), { sync: true });
      }
      if (caughtUp.records > 0) {
        logger.info(
          { records: caughtUp.records, from: checkpoint + 1 },
          'index caught up with the entry log',
        );
      }
      return new EntryIndex(db, logger, Math.max(watermark, caughtUp.last) + 1, caughtUp.last);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** The index op of an entry written at `position`. */
  static opFor(ledgerId: number, entryId: number, position: number): BatchOp {
    return { type: 'put', key: indexKey(ledgerId, entryId), value: u64(position) };
  }

  /**
   * Writes index records (from `opFor`) with the new watermark, not synced, and now and then a
   * checkpoint (see the class comment). One watermark per write, not per record: every op costs
   * the main thread in classic-level's batch, the largest item of a 1,000-topic load.
   */
  async write(ops: BatchOp[]): Promise<void> {
    let highest = -1;
    for (const op of ops) if (op.type === 'put') highest = Math.max(highest, readU64(op.value, 0));
    await writeBatch(
      this.db,
      highest < 0 ? ops : [...ops, { type: 'put', key: WATERMARK_KEY, value: u64(highest) }],
      { sync: false },
    );
    this.written = Math.max(this.written, highest);
    if (
      !this.checkpointing &&
      performance.now() - this.lastCheckpointAt >= CHECKPOINT_INTERVAL_MS
    ) {
      this.checkpointing = this.checkpoint().finally(() => (this.checkpointing = undefined));
    }
  }

  async get(ledgerId: number, entryId: number): Promise<number | undefined> {
    const value = await this.db.get(indexKey(ledgerId, entryId));
    return value === undefined ? undefined : readU64(value, 0);
  }

  /**
   * The [entry id, position] pairs of the ledger's entries in [first, last], `part` at a time,
   * read from LevelDB `INDEX_READ_ENTRIES` at a time (its records are small).
   */
  async *range(
    ledgerId: number,
    first: number,
    last: number,
    part: number,
  ): AsyncGenerator<Array<[number, number]>> {
    const iterator = this.db.iterator({
      gte: indexKey(ledgerId, first),
      lte: indexKey(ledgerId, last),
      highWaterMarkBytes: INDEX_READ_ENTRIES * 32,
    });
    try {
      for (;;) {
        const batch = await iterator.nextv(INDEX_READ_ENTRIES);
        if (batch.length === 0) return;
        for (let i = 0; i < batch.length; i += part) {
          yield batch
            .slice(i, i + part)
            .map(([key, value]) => [entryIdOfIndexKey(key), readU64(value, 0)]);
        }
      }
    } finally {
      await iterator.close();
    }
  }

  /** Each ledger the index holds entries of, in order. */
  async *ledgerIds(): AsyncGenerator<number> {
    for (let from = 0; ;) {
      let first: Buffer | undefined;
      for await (const key of this.db.keys({
        ...indexKeyRange,
        gte: indexKey(from, 0),
        limit: 1,
      })) {
        first = key;
      }
      if (!first) return;
      const ledgerId = ledgerIdOfIndexKey(first);
      yield ledgerId;
      from = ledgerId + 1;
    }
  }

  /**
   * Walks the ledger's entries from its last one back and returns the first that `held` answers
   * for. Index records on the way that the log does not back (a write that failed, or was lost with
   * the machine while its index record was not) are dropped.
   */
  async lastHeld<T>(
    ledgerId: number,
    held: (entryId: number, position: number) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const iterator = this.db.iterator({ ...ledgerIndexRange(ledgerId), reverse: true });
    try {
      for (;;) {
        const next = await iterator.next();
        if (!next) return undefined;
        const [key, value] = next;
        const found = await held(entryIdOfIndexKey(key), readU64(value, 0));
        if (found !== undefined) return found;
        await this.db.del(key);
      }
    } finally {
      await iterator.close();
    }
  }

  /**
   * Removes the ledger's entries, a chunk at a time: first their records from the log
   * (`dropRecords`), then their index records. An interruption leaves index records that point
   * nowhere (read as missing, and removed by the next delete), never records that nothing points to.
   */
  async deleteLedger(
    ledgerId: number,
    dropRecords: (ops: BatchOp[]) => Promise<void>,
  ): Promise<void> {
    for (;;) {
      const batch = await this.db.iterator({ ...ledgerIndexRange(ledgerId), limit: CHUNK }).all();
      if (batch.length === 0) return;
      await dropRecords(
        batch.map(([, value]) => ({ type: 'del', key: positionKey(readU64(value, 0)) })),
      );
      await this.db.batch(batch.map(([key]) => ({ type: 'del', key })));
    }
  }

  /** Checkpoints everything written, so the next start re-reads nothing, and closes. */
  async close(): Promise<void> {
    try {
      await this.checkpointing;
      if (this.written > this.checkpointed) await this.checkpoint();
    } finally {
      await this.db.close();
    }
  }

  /** Off the acks' path: a failed checkpoint only means the next start re-reads more of the log. */
  private async checkpoint(): Promise<void> {
    const upTo = this.written;
    this.lastCheckpointAt = performance.now();
    try {
      await this.db.put(CHECKPOINT_KEY, u64(upTo), { sync: true });
      this.checkpointed = upTo;
    } catch (error) {
      this.logger.warn({ err: error, upTo }, 'could not checkpoint the entry index');
    }
  }
}

/**
 * Indexes the log's records above the checkpoint (again, for most: writing a record twice is
 * harmless); returns how many and the last position indexed.
 */
async function catchUp(
  db: Db,
  entries: Db,
  checkpoint: number,
  watermark: number,
): Promise<{ records: number; last: number }> {
  let last = checkpoint;
  let records = 0;
  let ops: BatchOp[] = [];
  const flush = async () => {
    ops.push({ type: 'put', key: WATERMARK_KEY, value: u64(Math.max(last, watermark)) });
    await db.batch(ops);
    ops = [];
  };
  const range =
    checkpoint < 0 ? positionKeyRange : { gt: positionKey(checkpoint), lt: positionKeyRange.lt };
  for await (const [key, record] of entries.iterator(range)) {
    last = positionOfKey(key);
    const ids = idsOfEntry(record);
    if (ids) {
      ops.push({ type: 'put', key: indexKey(ids.ledgerId, ids.entryId), value: u64(last) });
      records++;
    }
    if (ops.length >= CHUNK) await flush();
  }
  if (ops.length > 0 || last > watermark) await flush();
  return { records, last };
}
