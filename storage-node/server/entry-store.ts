import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import type { Logger } from '../../services/common/logger.js';
import { decodeEntry, encodeEntry, type StoredEntry } from './entry-record.js';
import { EntryIndex } from './entry-index.js';
import { EntryLog, type Located } from './entry-log/entry-log.js';
import { ledgerKey } from './entry-keys.js';
import { loadLedgerStates, ledgerStateCodec } from './ledger-state-loader.js';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';

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
  /** The entry log's segment files. */
  directory: string;
  /** LevelDB of the index: where each entry sits in the log. */
  indexDirectory: string;
  /** LevelDB of the ledger state records. */
  stateDirectory: string;
  /**
   * Where entries were kept in LevelDB before the entry log had files of its own: a node finding
   * one there refuses to start rather than serve a store without them.
   */
  formerEntriesDirectory?: string;
  /** Segment size of the entry log (tests make it small). */
  segmentBytes?: number;
  logger: Logger;
}

/**
 * A range read takes this many entries per part: 4 MB of batch-sized (~128 KB) entries, read while
 * the caller takes the part before.
 */
const RANGE_READ_ENTRIES = 32;

const emptyRecord = (): LedgerRecord => ({ lac: -1, lastEntryId: -1, fenced: false });

/**
 * A storage node's entries (an entry log of segment files, indexed in LevelDB) and per-ledger
 * state (LevelDB). Adds and fences go through one group commit; a ledger's state in memory (`ledgers`) always reflects what is durable, except that a
 * fence takes effect for new adds the moment it is queued.
 */
export class EntryStore {
  readonly ledgers = new Map<number, LedgerRecord>();
  /** Fenced in memory, possibly not yet durable: adds are refused from the moment of the request. */
  private readonly fencing = new Set<number>();
  private readonly commit: GroupCommit;
  readOnly = false;

  private constructor(
    private readonly log: EntryLog,
    private readonly index: EntryIndex,
    private readonly stateDb: Level<Buffer, Buffer>,
    private readonly logger: Logger,
    options: GroupCommitOptions,
  ) {
    this.commit = new GroupCommit(log, index, stateDb, options, (touched) =>
      this.recordsFor(touched),
    );
  }

  static async open(options: EntryStoreOptions): Promise<EntryStore> {
    const former = options.formerEntriesDirectory;
    if (
      former &&
      (await access(join(former, 'CURRENT')).then(
        () => true,
        () => false,
      ))
    ) {
      throw new Error(
        `${former} holds entries in LevelDB, the layout before the entry log's segment files; ` +
          'this version cannot read it',
      );
    }
    const opened: Array<{ close(): Promise<void> }> = [];
    const closeOpened = () =>
      Promise.all(opened.reverse().map((db) => db.close().catch(() => undefined)));
    try {
      const stateDb = new Level<Buffer, Buffer>(options.stateDirectory, {
        keyEncoding: 'buffer',
        valueEncoding: 'buffer',
      });
      await stateDb.open();
      opened.push(stateDb);
      const index = await EntryIndex.open(options.indexDirectory, options.logger);
      opened.push(index);
      const log = await EntryLog.open({
        directory: options.directory,
        logger: options.logger,
        segmentBytes: options.segmentBytes,
        usedUpTo: index.watermark,
      });
      opened.push(log);
      await index.catchUp(log);
      for await (const [ledgerId, at] of index.records()) log.usage.add(ledgerId, at);
      // Segments whose ledgers all went while the node was down (or before it finished deleting).
      log.collect();
      const ledgers = await loadLedgerStates(log, index, stateDb);
      const store = new EntryStore(log, index, stateDb, options.logger, options);
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
    // At or below the last entry held, it may be a copy sent again: it replaces the one held.
    const again = entry.entryId <= (this.ledgers.get(entry.ledgerId)?.lastEntryId ?? -1);
    const record = encodeEntry(entry, entry.lac, entry.crc32c, entry.payload);
    return this.commit.submit({
      entry: { entryId: entry.entryId, record, again },
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
    const at = await this.index.get(ledgerId, entryId);
    const record = at === undefined ? undefined : await this.log.read(at);
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
    const read = (part: IteratorResult<Array<[number, Located]>>) =>
      part.done ? undefined : this.log.readMany(part.value.map(([, at]) => at));
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
          const entryId = (located[i] as [number, Located])[0];
          yield { entryId, outcome: this.decode(ledgerId, entryId, record) };
        }
      }
    } finally {
      reading?.catch(() => undefined);
      await parts.return(undefined);
    }
  }

  /**
   * Deletes the ledger's entries. Its state record stays behind, fenced: a zombie writer that
   * wakes up after a recovery and a delete must still be refused, not handed a fresh ledger.
   */
  async deleteLedger(ledgerId: number): Promise<boolean> {
    const existed = this.ledgers.has(ledgerId);
    // Through the commit queue: adds queued before it land first, and are then cleared with the rest.
    await this.fence(ledgerId);
    await this.index.deleteLedger(ledgerId, (places) => {
      for (const at of places) this.log.usage.remove(ledgerId, at);
    });
    this.log.collect();
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
      try {
        await this.log.close();
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
   * ledger-state-loader.ts). A record per add cost a batch op per add, and one per new ledger a
   * second fsync whenever ledgers start (1,000 topics at once: W7).
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
