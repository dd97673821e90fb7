import { BadVersionError } from '../../services/common/errors.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import type { Logger } from '../../services/common/logger.js';
import { backoffDelay } from '../../services/common/retry.js';
import {
  MUST_NOT_EXIST,
  type MetadataStore,
  type TxnCheck,
} from '../../services/metadata/metadata-store.js';
import { TopicFencedError } from '../managed-ledger/managed-ledger-errors.js';
import type { Position } from '../managed-ledger/position.js';
import { CursorState, type LedgerBounds } from './cursor-state.js';

export interface CursorContext {
  metadata: MetadataStore;
  logger?: Logger;
  /** Checks added to every write: the owner's ownership key. */
  guard?: () => TxnCheck[];
  /** The longest an acknowledgement waits before it is persisted (Pulsar: 1 s; here 100 ms). */
  persistIntervalMs?: number;
}

/**
 * A subscription's cursor, persisted to the metadata store at a bounded rate: acknowledgements
 * are applied in memory at once and written at most every `persistIntervalMs`, one write at a
 * time, by compare-and-set. After a crash at most that window of acknowledgements is redelivered.
 */
export class ManagedCursor {
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private persisting: Promise<void> | undefined;
  private failures = 0;
  private fenced: Error | undefined;
  private readonly interval: number;

  private constructor(
    private readonly ctx: CursorContext,
    private readonly key: string,
    readonly subscription: string,
    readonly state: CursorState,
    private version: number,
    private readonly bounds: LedgerBounds,
  ) {
    this.interval = ctx.persistIntervalMs ?? 100;
  }

  /** Loads the subscription's cursor, or creates it at `initial` (its mark-delete position). */
  static async open(
    ctx: CursorContext,
    topicPath: string,
    subscription: string,
    bounds: LedgerBounds,
    initial: Position,
  ): Promise<ManagedCursor> {
    const key = clusterKeys.cursor(topicPath, subscription);
    for (;;) {
      const kv = await ctx.metadata.get(key);
      if (kv)
        return new ManagedCursor(
          ctx,
          key,
          subscription,
          CursorState.decode(kv.value),
          kv.version,
          bounds,
        );
      const state = new CursorState(initial);
      try {
        const { revision } = await ctx.metadata.txn({
          checks: ctx.guard?.() ?? [],
          ops: [{ type: 'put', key, value: state.encode(), expectedVersion: MUST_NOT_EXIST }],
        });
        return new ManagedCursor(ctx, key, subscription, state, revision, bounds);
      } catch (error) {
        if (!(error instanceof BadVersionError) || error.key !== key) throw error;
      }
    }
  }

  get markDelete(): Position {
    return this.state.markDelete;
  }

  isAcked(position: Position, batchIndex?: number): boolean {
    return this.state.isAcked(position, batchIndex);
  }

  ack(position: Position, batch?: { indexes: readonly number[]; size: number }): void {
    if (this.state.ack(position, this.bounds, batch)) this.markDirty();
  }

  ackCumulative(position: Position): void {
    if (this.state.ackCumulative(position, this.bounds)) this.markDirty();
  }

  /** Persists pending acknowledgements now; resolves when they are durable. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.persisting;
    if (this.dirty) await this.persist();
    if (this.fenced) throw this.fenced;
  }

  async close(): Promise<void> {
    await this.flush().catch(() => {});
    clearTimeout(this.timer);
  }

  private markDirty(): void {
    this.dirty = true;
    if (!this.timer && !this.persisting && !this.fenced) this.schedule(this.interval);
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.persist();
    }, delay);
    this.timer.unref();
  }

  private persist(): Promise<void> {
    if (this.persisting || this.fenced) return this.persisting ?? Promise.resolve();
    this.dirty = false;
    const value = this.state.encode();
    this.persisting = (async () => {
      try {
        const { revision } = await this.ctx.metadata.txn({
          checks: this.ctx.guard?.() ?? [],
          ops: [{ type: 'put', key: this.key, value, expectedVersion: this.version }],
        });
        this.version = revision;
        this.failures = 0;
      } catch (error) {
        if (error instanceof BadVersionError) {
          this.fenced = new TopicFencedError(this.key, 'its cursor was changed by another owner', {
            cause: error,
          });
          this.ctx.logger?.warn({ cursor: this.key }, 'cursor fenced: another owner has the topic');
          return;
        }
        this.dirty = true;
        this.ctx.logger?.warn(
          { cursor: this.key, err: error },
          'cursor persistence failed; retrying',
        );
        this.failures++;
      } finally {
        this.persisting = undefined;
      }
      if (this.dirty && !this.timer)
        this.schedule(this.failures > 0 ? backoffDelay(this.failures) : this.interval);
    })();
    return this.persisting;
  }
}
