import { Level } from 'level';
import type { Logger } from '../../services/common/logger.js';
import { idsOfEntry } from './entry-record.js';
import type { EntryLog, Located } from './entry-log/entry-log.js';
import { writeBatch, type BatchOp } from './write-batch.js';
import {
  CHECKPOINT_KEY,
  WATERMARK_KEY,
  entryIdOfIndexKey,
  indexKey,
  indexKeyRange,
  ledgerIdOfIndexKey,
  ledgerIndexRange,
  readU64,
  u64,
  writeU64,
} from './entry-keys.js';

type Db = Level<Buffer, Buffer>;

/** A key range with no key in it: every key's first byte is a prefix below 0xf0. */
const NO_KEYS = { start: Buffer.of(0xf0), end: Buffer.of(0xff) };

/** Index records a catch-up or a delete writes per LevelDB batch. */
const CHUNK = 1_000;
/** Index records a range read takes per trip to the thread pool. */
const INDEX_READ_ENTRIES = 1_024;
/**
 * How often the index makes what it has written durable: a start after a crash re-reads the log
 * from the last checkpoint, so about this much of it (ten seconds of W1 are ~900 MB; BookKeeper's
 * DbLedgerStorage flushes every 60 s). Each checkpoint writes LevelDB's memtable out as a table
 * (see `recordCheckpoint`), whose sync the adds synced meanwhile wait behind: every second, W7's
 * 1,000 topics had a publish p99 of 646 ms (8,687 of 10,000 msg/s), every 10 s 268 ms (9,812), with
 * no such flush 109 ms (9,931); W2's p99 was 8.4, 7.5 and 9.5 ms (one bench run each).
 */
const CHECKPOINT_INTERVAL_MS = 10_000;

/** An index record's value: the frame's log position, then the record's length. */
function locatedValue(at: Located): Buffer {
  const value = Buffer.allocUnsafe(12);
  writeU64(value, at.position, 0);
  value.writeUInt32BE(at.length, 8);
  return value;
}

const locatedOf = (value: Buffer): Located => ({
  position: readU64(value, 0),
  length: value.readUInt32BE(8),
});

/**
 * Where each entry sits in the entry log: (ledger, entry) -> log position, in a LevelDB of its own.
 * Its writes are not synced, since the entry log is and its records carry their own ids. Every ten
 * seconds the index writes what it holds to a synced table and records a checkpoint, the position
 * up to which it is durable, and on opening the index re-reads the log from there, as
 * BookKeeper replays its journal from the last mark. Not from the latest watermark: after a power
 * loss LevelDB can recover a later unsynced batch and skip an earlier, damaged one.
 */
export class EntryIndex {
  /** The highest position of an index write that has completed. */
  private written: number;
  private lastCheckpointAt = performance.now();
  private checkpointing: Promise<void> | undefined;

  private constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    /** The position up to which the index is durable: a start re-reads the log after it. */
    private checkpointed: number,
    /** The highest position an index record may name (see EntryLogOptions.usedUpTo). */
    readonly watermark: number,
  ) {
    this.written = checkpointed;
  }

  static async open(directory: string, logger: Logger): Promise<EntryIndex> {
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
      return new EntryIndex(
        db,
        logger,
        await positionAt(CHECKPOINT_KEY),
        await positionAt(WATERMARK_KEY),
      );
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /**
   * Indexes the log's records after the checkpoint (again, for most: writing a record twice is
   * harmless) and checkpoints the result. Before the node takes adds.
   */
  async catchUp(log: EntryLog): Promise<void> {
    const from = this.checkpointed;
    let last = from;
    let records = 0;
    let ops: BatchOp[] = [];
    const flush = async () => {
      await this.db.batch(ops);
      ops = [];
    };
    for await (const { record, ...at } of log.recordsAfter(from)) {
      last = at.position;
      const ids = idsOfEntry(record);
      if (ids) {
        ops.push(EntryIndex.opFor(ids.ledgerId, ids.entryId, at));
        records++;
      }
      if (ops.length >= CHUNK) await flush();
    }
    if (ops.length > 0) await flush();
    if (last > from) {
      await this.recordCheckpoint(last);
      this.checkpointed = this.written = last;
    }
    if (records > 0) {
      this.logger.info({ records, after: from }, 'index caught up with the entry log');
    }
  }

  /** The index op of an entry written at `at`. */
  static opFor(ledgerId: number, entryId: number, at: Located): BatchOp {
    return { type: 'put', key: indexKey(ledgerId, entryId), value: locatedValue(at) };
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

  /** Points the entry at `at` (a copy sent again), and returns where it pointed before. */
  async repoint(ledgerId: number, entryId: number, at: Located): Promise<Located | undefined> {
    const old = await this.get(ledgerId, entryId);
    await this.write([EntryIndex.opFor(ledgerId, entryId, at)]);
    return old;
  }

  async get(ledgerId: number, entryId: number): Promise<Located | undefined> {
    const value = await this.db.get(indexKey(ledgerId, entryId));
    return value === undefined ? undefined : locatedOf(value);
  }

  /**
   * The [entry id, place] pairs of the ledger's entries in [first, last], `part` at a time,
   * read from LevelDB `INDEX_READ_ENTRIES` at a time (its records are small).
   */
  async *range(
    ledgerId: number,
    first: number,
    last: number,
    part: number,
  ): AsyncGenerator<Array<[number, Located]>> {
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
            .map(([key, value]) => [entryIdOfIndexKey(key), locatedOf(value)]);
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

  /** Every index record, as [ledger id, place]: the node counts each segment's use from them. */
  async *records(): AsyncGenerator<[number, Located]> {
    const iterator = this.db.iterator({
      ...indexKeyRange,
      highWaterMarkBytes: INDEX_READ_ENTRIES * 32,
    });
    try {
      for (;;) {
        const batch = await iterator.nextv(INDEX_READ_ENTRIES);
        if (batch.length === 0) return;
        for (const [key, value] of batch) yield [ledgerIdOfIndexKey(key), locatedOf(value)];
      }
    } finally {
      await iterator.close();
    }
  }

  /**
   * Walks the ledger's entries from its last one back and returns the first that `held` answers
   * for. Index records on the way that the log does not back (a write that failed, or was lost with
   * the machine while its index record was not) are dropped.
   */
  async lastHeld<T>(
    ledgerId: number,
    held: (entryId: number, at: Located) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const iterator = this.db.iterator({ ...ledgerIndexRange(ledgerId), reverse: true });
    try {
      for (;;) {
        const next = await iterator.next();
        if (!next) return undefined;
        const [key, value] = next;
        const found = await held(entryIdOfIndexKey(key), locatedOf(value));
        if (found !== undefined) return found;
        await this.db.del(key);
      }
    } finally {
      await iterator.close();
    }
  }

  /**
   * Removes the ledger's index records, a chunk at a time, telling `dropped` where each record
   * was: its segment may then be deleted, so a record that stayed would point at nothing.
   */
  async deleteLedger(ledgerId: number, dropped: (places: Located[]) => void): Promise<void> {
    for (;;) {
      const batch = await this.db.iterator({ ...ledgerIndexRange(ledgerId), limit: CHUNK }).all();
      if (batch.length === 0) return;
      await this.db.batch(batch.map(([key]) => ({ type: 'del', key })));
      dropped(batch.map(([, value]) => locatedOf(value)));
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

  /**
   * Makes every index record written so far durable, then records `upTo` as the checkpoint. A
   * synced write alone would not do: LevelDB syncs only the log of its current memtable, and a
   * full memtable's log is closed unsynced and stays so until its table is written, so a power
   * loss could take records below a durable checkpoint, and with them what keeps their segments
   * from being deleted. A compaction of a range no key is in (above every prefix) makes LevelDB
   * write its memtable to a synced table first, and compacts nothing.
   */
  private async recordCheckpoint(upTo: number): Promise<void> {
    // `level`'s type covers browsers too; in Node it is classic-level, which has compactRange.
    const db = this.db as unknown as { compactRange(start: Buffer, end: Buffer): Promise<void> };
    await db.compactRange(NO_KEYS.start, NO_KEYS.end);
    await this.db.put(CHECKPOINT_KEY, u64(upTo), { sync: true });
  }

  /** Off the acks' path: a failed checkpoint only means the next start re-reads more of the log. */
  private async checkpoint(): Promise<void> {
    const upTo = this.written;
    this.lastCheckpointAt = performance.now();
    try {
      await this.recordCheckpoint(upTo);
      this.checkpointed = upTo;
    } catch (error) {
      this.logger.warn({ err: error, upTo }, 'could not checkpoint the entry index');
    }
  }
}
