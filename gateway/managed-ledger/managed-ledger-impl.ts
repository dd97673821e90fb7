import { BadVersionError, UnavailableError } from '../../services/common/errors.js';
import { backoffDelay, retry } from '../../services/common/retry.js';
import { LedgerFencedError } from '../../storage-node/client/ledger-errors.js';
import type { LedgerReader } from '../../storage-node/client/ledger-reader.js';
import type { LedgerWriter } from '../../storage-node/client/ledger-writer.js';
import { topicPath, type TopicName } from '../topic-name.js';
import type {
  ActiveReader,
  ManagedLedger,
  ManagedLedgerConfig,
  ManagedLedgerLedgerInfo,
  ManagedLedgerEntry,
  ManagedLedgerState,
} from './managed-ledger.js';
import { TopicClosedError, TopicFencedError } from './managed-ledger-errors.js';
import type { ManagedLedgerContext } from './managed-ledger-context.js';
import { ManagedLedgerStore, type ManagedLedgerInfoData } from './managed-ledger-store.js';
import { takeOverLog, type TakenOverLog } from './managed-ledger-takeover.js';
import { LedgerList } from './ledger-list.js';
import { LedgerRetirements } from './ledger-retirements.js';
import { comparePositions, type Position } from './position.js';
import { EntryCache } from './entry-cache.js';
import { TailingReaders } from './tailing-readers.js';

interface CurrentLedger {
  writer: LedgerWriter;
  createdAt: number;
  entries: number;
  bytes: number;
}

/**
 * The managed ledger of one topic, written by its owner. States:
 *   open ⇄ rolling (switching to a new ledger) → closing → closed, and fenced from any of them
 *   when another owner takes the topic. Appends resolve in append order, across ledger switches.
 */
export class ManagedLedgerImpl implements ManagedLedger {
  private stateValue: ManagedLedgerState = 'open';
  private current: CurrentLedger;
  private readonly list: LedgerList;
  /** Ledgers rolled away from, until their writer has closed them: readers follow their LAC. */
  private readonly retirements: LedgerRetirements;
  private readonly readers = new Map<number, LedgerReader>();
  private rolling: Promise<void> | undefined;
  private lastSettled: Promise<unknown> = Promise.resolve();
  private readonly waiters = new Set<() => void>();
  private readonly tailing: TailingReaders;
  private readonly cache: EntryCache | undefined;
  private fenceReason: Error | undefined;
  /** After a failed rollover, no new attempt before this (Date.now()): no retry storm. */
  private rollBlockedUntil = 0;
  private rollFailures = 0;
  /** Appends handed to a writer whose result has not been delivered yet. */
  private unsettled = 0;
  /** Appends that failed in a writer, ever: an append waiting for a roll fails if this moved. */
  private failedAppends = 0;

  private constructor(
    readonly name: string,
    private readonly ctx: ManagedLedgerContext,
    private readonly config: ManagedLedgerConfig,
    store: ManagedLedgerStore,
    { info, version, writer }: TakenOverLog,
  ) {
    this.current = { writer, createdAt: Date.now(), entries: 0, bytes: 0 };
    this.list = new LedgerList(store, info, version, (error) =>
      this.fence(new TopicFencedError(this.name, 'its ledger list changed', { cause: error })),
    );
    this.retirements = new LedgerRetirements({
      topic: name,
      ledgers: ctx.ledgers,
      list: this.list,
      ...(ctx.logger ? { logger: ctx.logger } : {}),
      onFenced: (fenced, error) => this.onWriterError(fenced, error),
      stopped: () => this.stateValue === 'fenced' || this.stateValue === 'closed',
    });
    this.cache = ctx.entryCache ? new EntryCache(ctx.entryCache) : undefined;
    this.tailing = new TailingReaders(this.cache, (position) => this.entriesBehind(position));
  }

  /**
   * Takes the topic's log over: recovers (fences) the ledger a previous owner left open, then
   * starts a new ledger and records it before writing a single entry.
   */
  static async open(
    ctx: ManagedLedgerContext,
    topic: TopicName,
    config: ManagedLedgerConfig,
  ): Promise<ManagedLedgerImpl> {
    const store = new ManagedLedgerStore(
      ctx.metadata,
      topicPath(topic),
      ctx.guard ?? (() => []),
      ctx.creationChecks,
    );
    // A previous owner that is still running (a zombie) may change the list while we take it over:
    // start again from what is stored. Its own next change then fails, and it stops.
    const taken = await retry(() => takeOverLog(ctx, topic, config, store), {
      retries: 5,
      maxDelayMs: 500,
      shouldRetry: (error) => error instanceof BadVersionError,
    }).catch((error: unknown) => {
      throw error instanceof BadVersionError
        ? new TopicFencedError(topic.full, 'its ledger list kept changing', { cause: error })
        : error;
    });
    return new ManagedLedgerImpl(topic.full, ctx, config, store, taken);
  }

  get state(): ManagedLedgerState {
    return this.stateValue;
  }

  get firstPosition(): Position {
    return {
      ledgerId: this.list.info.ledgers[0]?.ledgerId ?? this.current.writer.ledgerId,
      entryId: 0,
    };
  }

  get lastConfirmed(): Position | undefined {
    for (let i = this.list.info.ledgers.length - 1; i >= 0; i--) {
      const ledgerId = (this.list.info.ledgers[i] as ManagedLedgerInfoData['ledgers'][number])
        .ledgerId;
      const last = this.lastEntryOf(ledgerId);
      if (last >= 0) return { ledgerId, entryId: last };
    }
    return undefined;
  }

  append(payload: Uint8Array): Promise<Position> {
    // An entry that failed fails every append made before its failure was reported: storing a
    // later one first would put a producer's messages out of order once it sends them again.
    if (this.stateValue === 'open' && !this.current.writer.isWritable && this.unsettled > 0) {
      return this.inOrder(
        Promise.reject(
          new UnavailableError(`topic ${this.name}: its ledger failed; send again in order`),
        ),
      );
    }
    return this.issue(payload, this.failedAppends);
  }

  /** Appends unless an entry failed since the append was made (`failuresAtCall`). */
  private issue(payload: Uint8Array, failuresAtCall: number): Promise<Position> {
    if (this.stateValue === 'fenced') return Promise.reject(this.fenceReason);
    if (this.stateValue === 'closing' || this.stateValue === 'closed') {
      return Promise.reject(new TopicClosedError(this.name));
    }
    if (this.failedAppends !== failuresAtCall) {
      return Promise.reject(
        new UnavailableError(`topic ${this.name}: an earlier entry failed; send again in order`),
      );
    }
    if (this.stateValue === 'open' && this.shouldRoll()) this.roll();
    // Appends made while switching ledgers wait, in arrival order, for the new ledger.
    if (this.rolling) return this.rolling.then(() => this.issue(payload, failuresAtCall));
    const current = this.current;
    if (!current.writer.isWritable) {
      return Promise.reject(
        new UnavailableError(
          `topic ${this.name}: its ledger failed and a new one could not be created yet`,
        ),
      );
    }
    current.entries++;
    current.bytes += payload.byteLength;
    this.unsettled++;
    const appended = current.writer.append(payload).then(
      (entryId) => {
        this.tailing.cacheAppended(current.writer.ledgerId, entryId, asBuffer(payload));
        this.notifyWaiters();
        return { ledgerId: current.writer.ledgerId, entryId };
      },
      (error: unknown) => {
        // Counted before any other callback runs: appends waiting for a roll see it.
        this.failedAppends++;
        this.onWriterError(current.writer, error);
        throw this.fenceReason ?? error;
      },
    );
    const ordered = this.inOrder(appended);
    const settled = () => {
      this.unsettled--;
    };
    ordered.then(settled, settled);
    return ordered;
  }

  /** Results are delivered in append order, whatever order the writers settle them in. */
  private inOrder<T>(result: Promise<T>): Promise<T> {
    // Handled here too: it may fail while earlier results are still pending.
    result.catch(() => {});
    const ordered = this.lastSettled.then(() => result);
    this.lastSettled = ordered.catch(() => {});
    return ordered;
  }

  ledgers(): ManagedLedgerLedgerInfo[] {
    const writing = this.stateValue === 'closed' ? undefined : this.current.writer.ledgerId;
    return this.list.info.ledgers.map((l) => ({
      ledgerId: l.ledgerId,
      entries: this.lastEntryOf(l.ledgerId) + 1,
      sizeBytes: l.ledgerId === writing ? this.current.bytes : l.sizeBytes,
      createdAtMs: l.createdAtMs,
      open: l.ledgerId === writing,
    }));
  }

  closedLedgerLastEntry(ledgerId: number): number | undefined {
    if (ledgerId === this.current.writer.ledgerId || this.retirements.writerOf(ledgerId))
      return undefined;
    const ledger = this.list.info.ledgers.find((l) => l.ledgerId === ledgerId);
    // An unrecorded size (0) is not an empty closed ledger: say nothing until it is known.
    return ledger && ledger.entries > 0 ? ledger.entries - 1 : undefined;
  }

  ledgerExists(ledgerId: number): boolean {
    return this.list.info.ledgers.some((l) => l.ledgerId === ledgerId);
  }

  ledgerAfter(ledgerId: number): number | undefined {
    return this.list.info.ledgers.find((l) => l.ledgerId > ledgerId)?.ledgerId;
  }

  nextPosition(position: Position): Position {
    return { ledgerId: position.ledgerId, entryId: position.entryId + 1 };
  }

  async read(from: Position, maxEntries: number): Promise<ManagedLedgerEntry[]> {
    const entries: ManagedLedgerEntry[] = [];
    let index = this.list.info.ledgers.findIndex((l) => l.ledgerId >= from.ledgerId);
    if (index < 0) return entries;
    let entryId =
      this.list.info.ledgers[index]?.ledgerId === from.ledgerId ? Math.max(0, from.entryId) : 0;
    while (entries.length < maxEntries && index < this.list.info.ledgers.length) {
      const ledgerId = (this.list.info.ledgers[index] as ManagedLedgerInfoData['ledgers'][number])
        .ledgerId;
      const last = this.lastEntryOf(ledgerId);
      if (entryId > last) {
        if (ledgerId === this.current.writer.ledgerId) break;
        index++;
        entryId = 0;
        continue;
      }
      const to = Math.min(last, entryId + (maxEntries - entries.length) - 1);
      // A consumer that keeps up finds the entries here; from the first miss on, storage serves.
      for (let cached; entryId <= to && (cached = this.cache?.get(ledgerId, entryId)); entryId++) {
        entries.push({ position: { ledgerId, entryId }, payload: cached });
      }
      if (entryId <= to) {
        const reader = await this.readerFor(ledgerId);
        for await (const entry of reader.read(entryId, to)) {
          entries.push({ position: { ledgerId, entryId: entry.entryId }, payload: entry.payload });
        }
      }
      entryId = to + 1;
    }
    return entries;
  }

  addActiveReader(position: Position): ActiveReader {
    return this.tailing.add(position);
  }

  /** Entries from `position` (a reader's next read) to the end of the topic. */
  private entriesBehind(position: Position): number {
    const last = this.lastConfirmed;
    if (!last || position.ledgerId > last.ledgerId) return 0;
    if (position.ledgerId === last.ledgerId)
      return Math.max(0, last.entryId + 1 - position.entryId);
    // In an older ledger: what is left of it, then every newer ledger up to the last.
    let behind = Math.max(0, this.lastEntryOf(position.ledgerId) + 1 - position.entryId);
    for (const { ledgerId } of this.list.info.ledgers) {
      if (ledgerId > position.ledgerId && ledgerId <= last.ledgerId)
        behind += this.lastEntryOf(ledgerId) + 1;
    }
    return behind;
  }

  waitForEntriesAfter(position: Position, signal?: AbortSignal): Promise<void> {
    const last = this.lastConfirmed;
    if (
      (last && comparePositions(last, position) > 0) ||
      this.stateValue === 'fenced' ||
      this.stateValue === 'closed'
    ) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  async close(): Promise<void> {
    if (this.stateValue === 'closed' || this.stateValue === 'closing') return;
    const fenced = this.stateValue === 'fenced';
    this.stateValue = 'closing';
    await this.rolling;
    await this.lastSettled;
    if (!fenced && this.current.writer.isWritable)
      await this.retirements.retire(this.current.writer, this.current.bytes);
    await this.retirements.settled();
    this.stateValue = fenced ? 'fenced' : 'closed';
    this.cache?.clear();
    this.notifyWaiters();
  }

  private lastEntryOf(ledgerId: number): number {
    if (ledgerId === this.current.writer.ledgerId) return this.current.writer.lastAddConfirmed;
    const retiring = this.retirements.writerOf(ledgerId);
    if (retiring) return retiring.lastAddConfirmed;
    const ledger = this.list.info.ledgers.find((l) => l.ledgerId === ledgerId);
    return (ledger?.entries ?? 0) - 1;
  }

  private async readerFor(ledgerId: number): Promise<LedgerReader> {
    const writer =
      ledgerId === this.current.writer.ledgerId
        ? this.current.writer
        : this.retirements.writerOf(ledgerId);
    if (writer) return this.ctx.ledgers.readerOf(writer);
    let reader = this.readers.get(ledgerId);
    if (!reader) {
      reader = await this.ctx.ledgers.openLedger(ledgerId);
      this.readers.set(ledgerId, reader);
    }
    return reader;
  }

  private shouldRoll(): boolean {
    const { writer, entries, bytes, createdAt } = this.current;
    return (
      Date.now() >= this.rollBlockedUntil &&
      (!writer.isWritable ||
        entries >= this.config.maxEntriesPerLedger ||
        bytes >= this.config.maxBytesPerLedger ||
        (entries > 0 && Date.now() - createdAt >= this.config.maxLedgerAgeMs))
    );
  }

  /** Switches to a new ledger: created and recorded first, then appends go there. */
  private roll(): void {
    this.stateValue = 'rolling';
    const old = this.current;
    this.rolling = (async () => {
      try {
        const writer = await this.ctx.ledgers.createLedger({
          ...this.config,
          properties: { topic: this.name },
        });
        await this.list
          .update((info) => ({
            ...info,
            ledgers: [
              ...info.ledgers,
              { ledgerId: writer.ledgerId, entries: 0, sizeBytes: 0, createdAtMs: Date.now() },
            ],
          }))
          .catch((error: unknown) => {
            writer.abandon('the ledger list could not be updated');
            throw error;
          });
        // Every append to the old ledger has its result before the new one takes any: one that
        // fails there then fails the appends waiting for this roll (see issue), never overtaken.
        await this.lastSettled;
        this.current = { writer, createdAt: Date.now(), entries: 0, bytes: 0 };
        this.rollFailures = 0;
        this.retirements.inBackground(old.writer, old.bytes);
        this.ctx.logger?.debug(
          { topic: this.name, from: old.writer.ledgerId, to: writer.ledgerId },
          'ledger rolled over',
        );
        if (this.stateValue === 'rolling') this.stateValue = 'open';
      } catch (error) {
        this.ctx.logger?.warn({ topic: this.name, err: error }, 'ledger rollover failed');
        if (error instanceof BadVersionError || error instanceof TopicFencedError)
          this.fence(error as Error);
        else {
          // Appends waiting for the roll go on with the old ledger if it can still be written,
          // or fail retriably; the next roll waits a while rather than spinning.
          this.rollBlockedUntil =
            Date.now() +
            backoffDelay(++this.rollFailures, { initialDelayMs: 200, maxDelayMs: 5_000 });
          if (this.stateValue === 'rolling') this.stateValue = 'open';
        }
      } finally {
        this.rolling = undefined;
      }
    })();
  }

  private onWriterError(writer: LedgerWriter, error: unknown): void {
    if (error instanceof LedgerFencedError) {
      this.fence(
        new TopicFencedError(this.name, `ledger ${writer.ledgerId} was fenced`, { cause: error }),
      );
    }
    // Any other failure leaves the writer unwritable: the next append rolls to a new ledger.
  }

  private fence(reason: Error): void {
    if (this.stateValue === 'fenced' || this.stateValue === 'closed') return;
    this.stateValue = 'fenced';
    this.fenceReason =
      reason instanceof TopicFencedError
        ? reason
        : new TopicFencedError(this.name, reason.message, { cause: reason });
    this.ctx.logger?.warn(
      { topic: this.name, err: reason },
      'managed ledger fenced: another owner has the topic',
    );
    this.current.writer.abandon('the topic was fenced');
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/** The same bytes as a Buffer, without a copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
