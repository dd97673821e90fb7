import { Level } from 'level';
import type { Logger } from '../../services/common/logger.js';
import { idsOfEntry } from './entry-record.js';
import {
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

export type BatchOp = { type: 'put'; key: Buffer; value: Buffer } | { type: 'del'; key: Buffer };

/** Index records a catch-up or a delete writes per LevelDB batch. */
const CHUNK = 1_000;
/** Index records a range read takes per trip to the thread pool. */
const INDEX_READ_ENTRIES = 1_024;

/**
 * Where each entry sits in the entry log: (ledger, entry) -> log position, in a LevelDB of its own.
 * Its writes are not synced, since the entry log is and its records carry their own ids: the index
 * loses records only with the machine, never with the process, and on opening it catches up with
 * the log from its watermark.
 */
export class EntryIndex {
  private constructor(
    private readonly db: Db,
    /** The position after the last one the log or the index has used. */
    readonly nextPosition: number,
  ) {}

  static async open(directory: string, entries: Db, logger: Logger): Promise<EntryIndex> {
    const db = new Level<Buffer, Buffer>(directory, {
      keyEncoding: 'buffer',
      valueEncoding: 'buffer',
    });
    await db.open();
    try {
      const mark = await db.get(WATERMARK_KEY);
      const watermark = mark === undefined ? -1 : readU64(mark, 0);
      const caughtUp = await catchUp(db, entries, watermark);
      if (caughtUp.records > 0) {
        logger.info(
          { records: caughtUp.records, from: watermark + 1 },
          'index caught up with the entry log',
        );
      }
      return new EntryIndex(db, Math.max(watermark, caughtUp.last) + 1);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** The index ops of an entry written at `position`: its record and the new watermark. */
  static opsFor(ledgerId: number, entryId: number, position: number): BatchOp[] {
    const at = u64(position);
    return [
      { type: 'put', key: indexKey(ledgerId, entryId), value: at },
      { type: 'put', key: WATERMARK_KEY, value: at },
    ];
  }

  /** Writes index ops, not synced (see the class comment). */
  write(ops: BatchOp[]): Promise<void> {
    return this.db.batch(ops);
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

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Indexes the log's records above the watermark; returns how many and the last position seen. */
async function catchUp(
  db: Db,
  entries: Db,
  watermark: number,
): Promise<{ records: number; last: number }> {
  let last = watermark;
  let records = 0;
  let ops: BatchOp[] = [];
  const flush = async () => {
    ops.push({ type: 'put', key: WATERMARK_KEY, value: u64(last) });
    await db.batch(ops);
    ops = [];
  };
  const range =
    watermark < 0 ? positionKeyRange : { gt: positionKey(watermark), lt: positionKeyRange.lt };
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
