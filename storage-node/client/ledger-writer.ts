import { crc32c } from '@node-rs/crc32';
import type { AddResult__Output } from '../../proto/generated/strata/storage/v1/AddResult.js';
import {
  BadVersionError,
  InternalError,
  TimeoutError,
  UnavailableError,
} from '../../services/common/errors.js';
import type { Logger } from '../../services/common/logger.js';
import { retry } from '../../services/common/retry.js';
import { PendingAdd } from './add-entry.js';
import { DistributionSchedule } from './distribution-schedule.js';
import { changeEnsemble } from './ensemble-change.js';
import {
  EntryIdGapError,
  EntryTooLargeError,
  LedgerClosedError,
  LedgerFencedError,
} from './ledger-errors.js';
import {
  segmentFor,
  type LedgerMetadata,
  type LedgerMetadataStore,
  type VersionedMetadata,
} from './ledger-metadata.js';

function sameSegments(a: LedgerMetadata, b: LedgerMetadata): boolean {
  return JSON.stringify(a.segments) === JSON.stringify(b.segments);
}
import type { NodePool } from './node-pool.js';

export interface WriterContext {
  pool: NodePool;
  metadata: LedgerMetadataStore;
  logger?: Logger;
  /** A node that has not acked an entry within this is replaced. */
  addTimeoutMs: number;
  maxEntryBytes: number;
  /** How long an ensemble change may look for replacement nodes before appends fail. */
  ensembleChangeTimeoutMs: number;
}

export interface WriterStart {
  ledgerId: number;
  versioned: VersionedMetadata;
  /** The next entry id to write and the confirmed point so far (-1, -1 for a new ledger). */
  nextEntryId: number;
  lac: number;
  /** A recovery's writer: recovery adds, full write quorum, ensemble changes while IN_RECOVERY. */
  recovery?: boolean;
}

type WriterState = 'open' | 'closing' | 'closed' | 'fenced' | 'failed';

/**
 * The single writer of a ledger. Appends are pipelined: each entry goes to its write set at once,
 * and is confirmed, strictly in entry order, once Qa nodes hold it and every earlier entry is
 * confirmed. A failed node is replaced (ensemble change) and the unconfirmed entries re-sent to its
 * replacement. A FENCED answer, or metadata that left OPEN, ends the writer: a recovery owns the
 * ledger now.
 */
export class LedgerWriter {
  readonly ledgerId: number;
  private versioned: VersionedMetadata;
  private readonly schedule: DistributionSchedule;
  private readonly ackQuorum: number;
  private readonly recovery: boolean;
  private nextEntryId: number;
  private lac: number;
  /** Unconfirmed entries, in entry order: pending[0] is entry lac + 1. */
  private readonly pending: PendingAdd[] = [];
  private state: WriterState = 'open';
  private failure: Error | undefined;
  /** Failed nodes of the current ensemble, waiting to be replaced. */
  private readonly failedNodes = new Set<string>();
  /** Every node that ever failed this writer: never chosen again as a replacement. */
  private readonly everFailed = new Set<string>();
  private changeRunning = false;
  private changing: Promise<void> | undefined;
  private readonly watchdog: NodeJS.Timeout;
  private drained: (() => void) | undefined;

  constructor(
    private readonly ctx: WriterContext,
    start: WriterStart,
  ) {
    this.ledgerId = start.ledgerId;
    this.versioned = start.versioned;
    const { ensembleSize, writeQuorum, ackQuorum } = start.versioned.metadata;
    this.schedule = new DistributionSchedule(ensembleSize, writeQuorum, ackQuorum);
    this.recovery = start.recovery ?? false;
    // Recovery re-replicates to full write quorums.
    this.ackQuorum = this.recovery ? writeQuorum : ackQuorum;
    this.nextEntryId = start.nextEntryId;
    this.lac = start.lac;
    this.watchdog = setInterval(
      () => this.checkTimeouts(),
      Math.max(50, Math.min(1_000, ctx.addTimeoutMs / 4)),
    );
    this.watchdog.unref();
  }

  get metadata(): LedgerMetadata {
    return this.versioned.metadata;
  }

  get lastAddConfirmed(): number {
    return this.lac;
  }

  get lastAddPushed(): number {
    return this.nextEntryId - 1;
  }

  get isWritable(): boolean {
    return this.state === 'open';
  }

  /**
   * Appends one entry; resolves with its entry id once it is confirmed. With `expectedEntryId` the
   * caller asserts which id the entry gets: anything else is a gap (or a repeat) and is refused.
   */
  append(
    payload: Uint8Array,
    options: { expectedEntryId?: number; crc32c?: number } = {},
  ): Promise<number> {
    if (this.state !== 'open') return Promise.reject(this.unwritable());
    if (payload.byteLength > this.ctx.maxEntryBytes) {
      return Promise.reject(new EntryTooLargeError(payload.byteLength, this.ctx.maxEntryBytes));
    }
    if (options.expectedEntryId !== undefined && options.expectedEntryId !== this.nextEntryId) {
      return Promise.reject(
        new EntryIdGapError(this.ledgerId, this.nextEntryId, options.expectedEntryId),
      );
    }
    const entryId = this.nextEntryId++;
    const add = new PendingAdd(
      entryId,
      payload,
      options.crc32c ?? crc32c(payload) >>> 0,
      this.writeSetOf(entryId),
    );
    this.pending.push(add);
    for (const node of add.writeSet) this.send(add, node);
    return add.promise;
  }

  /**
   * Waits for every append, then closes the ledger in metadata at the last confirmed entry. A
   * recovery's writer closes with the ensemble changes it made, in the same compare-and-set; if
   * that loses, the recovery must start over (another may have closed the ledger).
   */
  async close(): Promise<LedgerMetadata> {
    if (this.state === 'closed') return this.versioned.metadata;
    if (this.state !== 'open') throw this.unwritable();
    this.state = 'closing';
    if (this.pending.length > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.changing;
    if (this.failure) throw this.failure;
    const expectedStatus = this.recovery ? 'IN_RECOVERY' : 'OPEN';
    try {
      await retry(() => this.closeOnce(expectedStatus), {
        retries: 20,
        maxDelayMs: 500,
        shouldRetry: (e) =>
          !(e instanceof LedgerFencedError) && (e as { retriable?: boolean }).retriable === true,
      });
    } catch (error) {
      this.fail(error instanceof LedgerFencedError ? 'fenced' : 'failed', error as Error);
      throw error;
    }
    this.state = 'closed';
    clearInterval(this.watchdog);
    this.ctx.logger?.debug({ ledgerId: this.ledgerId, lastEntryId: this.lac }, 'ledger closed');
    return this.versioned.metadata;
  }

  private async closeOnce(expectedStatus: LedgerMetadata['status']): Promise<void> {
    const { metadata, version } = this.versioned;
    const closed: LedgerMetadata = { ...metadata, status: 'CLOSED', lastEntryId: this.lac };
    try {
      this.versioned = {
        metadata: closed,
        version: await this.ctx.metadata.update(this.ledgerId, closed, version),
      };
    } catch (error) {
      if (!(error instanceof BadVersionError)) throw error;
      const now = await this.ctx.metadata.read(this.ledgerId);
      // Our own earlier attempt landed and its answer was lost.
      if (
        now.metadata.status === 'CLOSED' &&
        now.metadata.lastEntryId === this.lac &&
        sameSegments(now.metadata, closed)
      ) {
        this.versioned = now;
        return;
      }
      throw new LedgerFencedError(
        this.ledgerId,
        now.metadata.status === expectedStatus
          ? 'its metadata changed underneath'
          : `it is ${now.metadata.status} now`,
      );
    }
  }

  /** Stops without closing (the process is going away): pending appends fail. */
  abandon(reason = 'the writer was abandoned'): void {
    this.fail('failed', new UnavailableError(`ledger ${this.ledgerId}: ${reason}`));
  }

  private writeSetOf(entryId: number): string[] {
    const segment = segmentFor(this.versioned.metadata, entryId);
    return this.schedule.writeSet(entryId).map((index) => segment.nodeIds[index] as string);
  }

  private send(add: PendingAdd, nodeId: string): void {
    let connection;
    try {
      connection = this.ctx.pool.get(nodeId);
    } catch (error) {
      queueMicrotask(() => this.nodeFailed(nodeId, error));
      return;
    }
    connection
      .add(
        {
          ledgerId: this.ledgerId,
          entryId: add.entryId,
          lac: this.lac,
          payload: add.payload,
          crc32c: add.crc32c,
        },
        this.recovery,
      )
      .then(
        (result) => this.onResult(add, nodeId, result),
        (error: unknown) => this.nodeFailed(nodeId, error),
      );
  }

  private onResult(add: PendingAdd, nodeId: string, result: AddResult__Output): void {
    if (this.state !== 'open' && this.state !== 'closing') return;
    switch (result.status) {
      case 'ADD_OK':
        // A late ack from a node being replaced must not count: the new segment will not list it,
        // so a recovery would never look for the entry there.
        if (this.failedNodes.has(nodeId)) return;
        add.ackFrom(nodeId);
        this.confirmInOrder();
        return;
      case 'ADD_FENCED':
        this.fail('fenced', new LedgerFencedError(this.ledgerId));
        return;
      case 'ADD_READ_ONLY':
      case 'ADD_FAILED':
      case 'ADD_CHECKSUM_MISMATCH':
        this.nodeFailed(
          nodeId,
          new UnavailableError(`node ${nodeId}: ${result.status} ${result.message}`),
        );
        return;
      default:
        // Validated before sending: a refusal here is a bug, not something to retry elsewhere.
        this.fail(
          'failed',
          new InternalError(`node ${nodeId} refused entry ${add.entryId}: ${result.message}`),
        );
    }
  }

  private confirmInOrder(): void {
    // Nothing is confirmed while the ensemble changes: the new segment starts at the LAC taken
    // when the change began, and every entry from there must reach the new write sets.
    if (this.changeRunning) return;
    while (this.pending.length > 0 && (this.pending[0] as PendingAdd).hasQuorum(this.ackQuorum)) {
      const add = this.pending.shift() as PendingAdd;
      this.lac = add.entryId;
      add.resolve(add.entryId);
    }
    if (this.pending.length === 0 && this.drained) {
      const drained = this.drained;
      this.drained = undefined;
      drained();
    }
  }

  private nodeFailed(nodeId: string, error: unknown): void {
    if (this.state !== 'open' && this.state !== 'closing') return;
    // Everything is confirmed and close() is writing metadata: a late failure changes nothing.
    if (this.state === 'closing' && this.pending.length === 0 && !this.changeRunning) return;
    const last = this.versioned.metadata.segments[this.versioned.metadata.segments.length - 1];
    if (!last?.nodeIds.includes(nodeId) || this.failedNodes.has(nodeId)) return;
    this.ctx.logger?.warn(
      { ledgerId: this.ledgerId, nodeId, err: error },
      'storage node failed; changing ensemble',
    );
    this.failedNodes.add(nodeId);
    this.everFailed.add(nodeId);
    if (this.changeRunning) return;
    this.changeRunning = true;
    this.changing = this.changeEnsembleLoop();
  }

  /**
   * Ensemble changes, one at a time, until no failed node is left in the ensemble. The running
   * flag is cleared in the same tick as the loop's last check, so a failure reported a moment later
   * starts a new loop instead of being dropped.
   */
  private async changeEnsembleLoop(): Promise<void> {
    try {
      while (this.failedNodes.size > 0 && (this.state === 'open' || this.state === 'closing')) {
        const failed = new Set(this.failedNodes);
        try {
          this.versioned = await changeEnsemble(this.ctx.metadata, this.ctx.pool.registry, {
            ledgerId: this.ledgerId,
            current: this.versioned,
            failed,
            exclude: this.everFailed,
            firstEntryId: this.lac + 1,
            expectedStatus: this.recovery ? 'IN_RECOVERY' : 'OPEN',
            persist: !this.recovery,
            deadline: Date.now() + this.ctx.ensembleChangeTimeoutMs,
            logger: this.ctx.logger,
          });
        } catch (error) {
          this.fail(error instanceof LedgerFencedError ? 'fenced' : 'failed', error as Error);
          return;
        }
        for (const node of failed) this.failedNodes.delete(node);
        for (const add of this.pending) {
          for (const node of add.retarget(this.writeSetOf(add.entryId))) this.send(add, node);
        }
      }
    } finally {
      this.changeRunning = false;
    }
    this.confirmInOrder();
  }

  private checkTimeouts(): void {
    const oldest = this.pending[0];
    if (!oldest || (this.state !== 'open' && this.state !== 'closing')) return;
    if (performance.now() - oldest.sentAt < this.ctx.addTimeoutMs) return;
    for (const node of oldest.missingAcks()) {
      this.nodeFailed(
        node,
        new TimeoutError(`no ack for entry ${oldest.entryId} in ${this.ctx.addTimeoutMs} ms`),
      );
    }
  }

  private fail(state: 'fenced' | 'failed', error: Error): void {
    if (this.state === 'fenced' || this.state === 'failed' || this.state === 'closed') return;
    this.state = state;
    this.failure = error;
    clearInterval(this.watchdog);
    for (const add of this.pending.splice(0)) add.reject(error);
    if (state === 'fenced')
      this.ctx.logger?.warn({ ledgerId: this.ledgerId }, 'ledger fenced: writer stopped');
    const drained = this.drained;
    this.drained = undefined;
    drained?.();
  }

  private unwritable(): Error {
    if (this.failure) return this.failure;
    return new LedgerClosedError(this.ledgerId);
  }
}
