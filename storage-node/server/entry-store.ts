import { Level } from 'level';
import type { Logger } from '../../services/common/logger.js';
import { decodeEntry, encodeEntry, type StoredEntry } from './entry-record.js';
import { EntryIndex } from './entry-index.js';
import type { BatchOp } from './write-batch.js';
import { ledgerKey, legacyEntryKeyRange, positionKey, positionOfKey } from './entry-keys.js';
import { loadLedgerStates, ledgerStateCodec } from './ledger-state-loader.js';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';
import { PacedLogDeletion } from './paced-log-deletion.js';
import { StepwiseTableSync } from './stepwise-table-sync.js';

export interface LedgerRecord {
  lac: number;
  lastEntryId: number;
  fenced: boolean;
}

export interface EntryToAdd {
  ledgerId: number;
  entryId: number;
  lac: number;
  payload: Uint8Array;
  crc32c: number;
}

export type AddOutcome = 'ok' | 'fenced' | 'read-only' | 'failed';

export type ReadOutcome =
  { status: 'ok'; entry: StoredEntry } | { status: 'no-entry' } | { status: 'corrupt' };

export interface EntryStoreOptions extends GroupCommitOptions {
  /** LevelDB of the entry log. */
  directory: string;
  /** LevelDB of the index: where each entry sits in the log. */
  indexDirectory: string;
  /** LevelDB of the ledger state records. */
  stateDirectory: string;
  logger: Logger;
}

/**
 * LevelDB settings of the entry store: a large memtable, because entries arrive in big sequential
 * batches and a small one would flush (and compact) every few megabytes; no block compression,
 * because payloads are opaque batches, usually compressed already by their producer, and Snappy on
 * every flush and compaction costs more CPU than it saves disk.
 */
export const ENTRY_DB_OPTIONS = {
  compression: false,
  writeBufferSize: 64 * 1024 * 1024,
  maxFileSize: 64 * 1024 * 1024,
  blockSize: 64 * 1024,
} as const;

/** How far a table LevelDB is writing may run ahead of the disk (see stepwise-table-sync.ts). */
const TABLE_SYNC_STEP_BYTES = 4 * 1024 * 1024;
/** A deleted log is freed 4 MB every 20 ms: 64 MB in about a third of a second. */
const LOG_RELEASE_STEP_BYTES = 4 * 1024 * 1024;
const LOG_RELEASE_STEP_MS = 20;

/**
 * A range read takes this many entries from LevelDB per trip to the thread pool: 4 MB of
 * batch-sized (~128 KB) entries. One trip per entry cost more than the read itself.
 */
const RANGE_READ_ENTRIES = 32;
/** What one trip may carry when a run is read with an iterator (see `recordsAt`). */
const RANGE_READ_SPAN_BYTES = 16 * 1024 * 1024;

const emptyRecord = (): LedgerRecord => ({ lac: -1, lastEntryId: -1, fenced: false });

/**
 * A storage node's entries and per-ledger state in LevelDB. Adds and fences go through one group
 * commit; a ledger's state in memory (`ledgers`) always reflects what is durable, except that a
 * fence takes effect for new adds the moment it is queued.
 */
export class EntryStore {
  readonly ledgers = new Map<number, LedgerRecord>();
  /** Fenced in memory, possibly not yet durable: adds are refused from the moment of the request. */
  private readonly fencing = new Set<number>();
  private readonly commit: GroupCommit;
  /** Where the next entry goes in the log: positions only grow, so LevelDB never rewrites a table. */
  private nextPosition: number;
  readOnly = false;

  private constructor(
    private readonly db: Level<Buffer, Buffer>,
    private readonly index: EntryIndex,
    private readonly stateDb: Level<Buffer, Buffer>,
    private readonly logger: Logger,
    options: GroupCommitOptions,
    /** What keeps LevelDB's own disk bursts from stalling synced adds; closed with the store. */
    private readonly diskPacers: ReadonlyArray<StepwiseTableSync | PacedLogDeletion>,
  ) {
    this.commit = new GroupCommit(db, index, stateDb, options, (touched) =>
      this.recordsFor(touched),
    );
    this.nextPosition = index.nextPosition;
  }

  static async open(options: EntryStoreOptions): Promise<EntryStore> {
    const opened: Array<{ close(): Promise<void> }> = [];
    const closeOpened = () =>
      Promise.all(opened.reverse().map((db) => db.close().catch(() => undefined)));
    try {
      const db = new Level<Buffer, Buffer>(options.directory, {
        keyEncoding: 'buffer',
        valueEncoding: 'buffer',
      });
      await db.open(ENTRY_DB_OPTIONS);
      opened.push(db);
      for await (const key of db.keys({ ...legacyEntryKeyRange, limit: 1 })) {
        throw new Error(
          `${options.directory} holds entries keyed by ledger (${key.byteLength}-byte keys), the ` +
            'layout before the entry log; this version cannot read it',
        );
      }
      const stateDb = new Level<Buffer, Buffer>(options.stateDirectory, {
        keyEncoding: 'buffer',
        valueEncoding: 'buffer',
      });
      await stateDb.open();
      opened.push(stateDb);
      const index = await EntryIndex.open(options.indexDirectory, db, options.logger);
      opened.push(index);
      const ledgers = await loadLedgerStates(db, index, stateDb);
      // Under --sync none adds do not wait for the disk, so its bursts delay nobody.
      const diskPacers =
        options.sync === false
          ? []
          : [
              new StepwiseTableSync(options.directory, {
                stepBytes: TABLE_SYNC_STEP_BYTES,
                logger: options.logger,
              }),
              new PacedLogDeletion(options.directory, {
                stepBytes: LOG_RELEASE_STEP_BYTES,
                stepIntervalMs: LOG_RELEASE_STEP_MS,
                logger: options.logger,
              }),
            ];
      const store = new EntryStore(db, index, stateDb, options.logger, options, diskPacers);
      for (const [ledgerId, record] of ledgers) store.ledgers.set(ledgerId, record);
      return store;
    } catch (error) {
      await closeOpened();
      throw error;
    }
  }

  /** Bytes queued and not yet durable: the add stream slows down its reader above a limit. */
  get pendingBytes(): number {
    return this.commit.pendingBytes;
  }

  state(ledgerId: number): LedgerRecord {
    const record = this.ledgers.get(ledgerId) ?? emptyRecord();
    return this.fencing.has(ledgerId) ? { ...record, fenced: true } : record;
  }

  isFenced(ledgerId: number): boolean {
    return this.fencing.has(ledgerId) || this.ledgers.get(ledgerId)?.fenced === true;
  }

  /** Resolves once the entry is durable (or refused). A recovery add ignores the fence. */
  add(entry: EntryToAdd, recovery: boolean): Promise<AddOutcome> {
    if (this.readOnly) return Promise.resolve('read-only');
    if (!recovery && this.isFenced(entry.ledgerId)) return Promise.resolve('fenced');
    // At or below the last entry held, it may be a copy sent again: the one it replaces goes.
    if (entry.entryId <= (this.ledgers.get(entry.ledgerId)?.lastEntryId ?? -1)) {
      return this.replace(entry, recovery);
    }
    return this.append(entry, []);
  }

  private async replace(entry: EntryToAdd, recovery: boolean): Promise<AddOutcome> {
    const old = await this.index.get(entry.ledgerId, entry.entryId);
    if (!recovery && this.isFenced(entry.ledgerId)) return 'fenced';
    return this.append(entry, old === undefined ? [] : [{ type: 'del', key: positionKey(old) }]);
  }

  private append(entry: EntryToAdd, drop: BatchOp[]): Promise<AddOutcome> {
    const position = this.nextPosition++;
    const record = encodeEntry(entry, entry.lac, entry.crc32c, entry.payload);
    return this.commit.submit({
      entries: drop.concat({ type: 'put', key: positionKey(position), value: record }),
      index: [EntryIndex.opFor(entry.ledgerId, entry.entryId, position)],
      ledgerId: entry.ledgerId,
      update: (r) => {
        r.lac = Math.max(r.lac, entry.lac);
        r.lastEntryId = Math.max(r.lastEntryId, entry.entryId);
      },
    });
  }

  /** Fences the ledger durably and returns its state. Adds queued earlier may still land. */
  async fence(ledgerId: number): Promise<LedgerRecord> {
    this.fencing.add(ledgerId);
    const outcome = await this.commit.submit({
      ledgerId,
      forceSync: true,
      update: (r) => {
        r.fenced = true;
      },
    });
    if (outcome !== 'ok') throw new Error(`could not persist the fence of ledger ${ledgerId}`);
    return this.state(ledgerId);
  }

  async read(ledgerId: number, entryId: number): Promise<ReadOutcome> {
    const position = await this.index.get(ledgerId, entryId);
    const record = position === undefined ? undefined : await this.db.get(positionKey(position));
    if (record === undefined) return { status: 'no-entry' };
    return this.decode(ledgerId, entryId, record);
  }

  /** The entries held in [first, last], in order. */
  async *readRange(
    ledgerId: number,
    first: number,
    last: number,
  ): AsyncGenerator<{ entryId: number; outcome: ReadOutcome }> {
    const parts = this.index.range(ledgerId, first, last, RANGE_READ_ENTRIES);
    const read = (part: IteratorResult<Array<[number, number]>>) =>
      part.done ? undefined : this.recordsAt(part.value.map(([, position]) => position));
    let part = await parts.next();
    let reading = read(part);
    try {
      while (!part.done) {
        const located = part.value;
        const records = (await reading) as Array<Buffer | undefined>;
        // The next part is read while the caller takes this one.
        part = await parts.next();
        reading = read(part);
        for (let i = 0; i < located.length; i++) {
          const record = records[i];
          // An index record the log does not back is an entry this node does not hold.
          if (record === undefined) continue;
          const entryId = (located[i] as [number, number])[0];
          yield { entryId, outcome: this.decode(ledgerId, entryId, record) };
        }
      }
    } finally {
      reading?.catch(() => undefined);
      await parts.return(undefined);
    }
  }

  /**
   * The log's records at these positions, in one trip to the thread pool. Entries written close
   * together (a topic alone, or one group commit) sit in a run, read with one iterator over its
   * span as a ledger's own keys were before the log; scattered among other ledgers' entries, they
   * are read one by one (a multi-get).
   */
  private async recordsAt(positions: number[]): Promise<Array<Buffer | undefined>> {
    const low = Math.min(...positions);
    const high = Math.max(...positions);
    if (high - low + 1 > 2 * positions.length) return this.db.getMany(positions.map(positionKey));
    const span = this.db.iterator({
      gte: positionKey(low),
      lte: positionKey(high),
      highWaterMarkBytes: RANGE_READ_SPAN_BYTES,
    });
    const found = new Map<number, Buffer>();
    for (const [key, record] of await span.all()) found.set(positionOfKey(key), record);
    return positions.map((position) => found.get(position));
  }

  /**
   * Deletes the ledger's entries. Its state record stays behind, fenced: a zombie writer that
   * wakes up after a recovery and a delete must still be refused, not handed a fresh ledger.
   */
  async deleteLedger(ledgerId: number): Promise<boolean> {
    const existed = this.ledgers.has(ledgerId);
    // Through the commit queue: adds queued before it land first, and are then cleared with the rest.
    await this.fence(ledgerId);
    await this.index.deleteLedger(ledgerId, (ops) => this.db.batch(ops));
    return existed;
  }

  /** Each ledger this node holds entries of, in order: deleted ledgers keep only their fence. */
  ledgersWithEntries(): AsyncIterable<number> {
    return this.index.ledgerIds();
  }

  listLedgers(startAfter: number, limit: number): { ledgerIds: number[]; more: boolean } {
    const ids = [...this.ledgers.keys()].filter((id) => id > startAfter).sort((a, b) => a - b);
    return { ledgerIds: ids.slice(0, limit), more: ids.length > limit };
  }

  async close(): Promise<void> {
    try {
      await this.commit.close();
    } finally {
      await Promise.all(this.diskPacers.map((pacer) => pacer.close().catch(() => undefined)));
      try {
        await this.db.close();
      } finally {
        await Promise.all([this.index.close(), this.stateDb.close()]);
      }
    }
  }

  private decode(ledgerId: number, entryId: number, record: Buffer): ReadOutcome {
    const entry = decodeEntry(record, { ledgerId, entryId });
    if (entry) return { status: 'ok', entry };
    this.logger.error(
      { ledgerId, entryId },
      'corrupt entry: stored copy does not match its checksum',
    );
    return { status: 'corrupt' };
  }

  /**
   * The new state of the ledgers a commit touches, applied once the batch is written. Only a new
   * fence is written, into a LevelDB of its own (on start, the entries say the rest: see
   * ledger-state-loader.ts). The entries' LevelDB then holds nothing but ascending runs of entry
   * keys and moves its files down the levels as they are: one state key among the entries made
   * every file span the key space up to it, and LevelDB rewrote each 64 MB file again at every level
   * (its log: as many bytes compacted as written). A record per add also cost a batch op per add,
   * and one per new ledger a second fsync whenever ledgers start (1,000 topics at once: W7).
   */
  private recordsFor(touched: Map<number, Array<(r: LedgerRecord) => void>>) {
    const records: Array<[Buffer, Buffer]> = [];
    const apply: Array<() => void> = [];
    for (const [ledgerId, updates] of touched) {
      const known = this.ledgers.get(ledgerId);
      const next = { ...(known ?? emptyRecord()) };
      for (const update of updates) update(next);
      if (next.fenced && known?.fenced !== true) {
        records.push([ledgerKey(ledgerId), ledgerStateCodec.encode(next)]);
      }
      apply.push(() => {
        const current = this.ledgers.get(ledgerId);
        // A fence committed meanwhile is never undone by a later record.
        this.ledgers.set(ledgerId, { ...next, fenced: next.fenced || current?.fenced === true });
      });
    }
    return { records, apply: () => apply.forEach((f) => f()) };
  }
}
