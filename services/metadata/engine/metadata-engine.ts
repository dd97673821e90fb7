import { CancelledError, LeaseNotFoundError, UnavailableError } from '../../common/errors.js';
import { AsyncQueue } from '../../common/async-queue.js';
import {
  LIMITS,
  validateKey,
  validateLeaseId,
  validatePageSize,
  validatePrefix,
  validateTtl,
  validateTxn,
  validateVersion,
} from '../limits.js';
import type {
  DeleteOptions,
  DeleteResult,
  KeyValue,
  Lease,
  LeaseId,
  ListOptions,
  ListPage,
  MetadataStore,
  PutOptions,
  PutResult,
  TxnRequest,
  TxnResult,
  Watch,
  WatchEvent,
  WatchOptions,
} from '../metadata-store.js';
import { compareKeys } from './key-order.js';
import type { Draft, EngineEvent, KeyRecord, KvState } from './kv-state.js';
import type { Persistence } from './persistence.js';
import {
  DEFAULT_HISTORY_LIMITS,
  WatchHub,
  type HistoryLimits,
  type Subscriber,
} from './watch-hub.js';

export interface EngineOptions {
  history?: Partial<HistoryLimits>;
  /** How often expired leases are looked for. */
  leaseSweepMs?: number;
  /** At most this many queued commands go into one group commit. */
  maxGroupCommit?: number;
}

type Command = (draft: Draft) => unknown;

interface Pending {
  command: Command;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function toKeyValue(key: string, record: KeyRecord): KeyValue {
  const kv: KeyValue = {
    key,
    value: record.value,
    version: record.version,
    createRevision: record.createRevision,
  };
  if (record.lease) kv.leaseId = String(record.lease);
  return kv;
}

export function toWatchEvent(event: EngineEvent, revision: number): WatchEvent {
  return event.type === 'put'
    ? { type: 'put', kv: toKeyValue(event.key, event.record), revision }
    : { type: 'delete', key: event.key, revision };
}

/**
 * The metadata state machine behind both the memory backend and the metadata server. Writes are
 * serialized through one queue and group-committed: every command waiting when a commit starts is
 * decided against a draft, the draft is persisted in one write, then applied and published.
 * Readers only ever see persisted state.
 */
export class MetadataEngine implements MetadataStore {
  private readonly queue: Pending[] = [];
  private committing = false;
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly expiring = new Set<number>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly maxGroupCommit: number;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};

  private constructor(
    private readonly state: KvState,
    private readonly hub: WatchHub,
    private readonly persistence: Persistence,
    options: EngineOptions,
  ) {
    this.maxGroupCommit = options.maxGroupCommit ?? 10_000;
    this.sweeper = setInterval(() => this.expireLeases(), options.leaseSweepMs ?? 100);
    this.sweeper.unref();
  }

  static async open(
    persistence: Persistence,
    options: EngineOptions = {},
  ): Promise<MetadataEngine> {
    const loaded = await persistence.load();
    const limits = { ...DEFAULT_HISTORY_LIMITS, ...options.history };
    const hub = new WatchHub(limits, loaded.history, loaded.firstRetainedRevision);
    return new MetadataEngine(loaded.state, hub, persistence, options);
  }

  get revision(): number {
    return this.state.revision;
  }

  get(key: string): Promise<KeyValue | undefined> {
    validateKey(key);
    const record = this.state.keys.get(key);
    return Promise.resolve(record ? toKeyValue(key, record) : undefined);
  }

  list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    validatePrefix(prefix);
    const limit = validatePageSize(options.limit);
    const after = options.startAfter;
    const start = after !== undefined && compareKeys(after, prefix) > 0 ? after : prefix;
    const items: KeyValue[] = [];
    let bytes = 0;
    let more = false;
    for (const [key, record] of this.state.keys.entries(start)) {
      if (!key.startsWith(prefix)) break;
      if (key === after) continue;
      if (
        items.length >= limit ||
        (items.length > 0 && bytes + record.value.byteLength > LIMITS.maxPageBytes)
      ) {
        more = true;
        break;
      }
      items.push(toKeyValue(key, record));
      bytes += record.value.byteLength;
    }
    return Promise.resolve({ items, more, revision: this.state.revision });
  }

  async put(key: string, value: Uint8Array, options: PutOptions = {}): Promise<PutResult> {
    const { revision, results } = await this.txn({
      ops: [{ type: 'put', key, value, ...options }],
    });
    return { version: results[0]?.version ?? revision, revision };
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<DeleteResult> {
    const { revision, results } = await this.txn({ ops: [{ type: 'delete', key, ...options }] });
    return { deleted: results[0]?.deleted ?? false, revision };
  }

  txn(request: TxnRequest): Promise<TxnResult> {
    try {
      validateTxn(request);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.submit((draft) => draft.txn(request));
  }

  async grantLease(ttlMs: number): Promise<Lease> {
    validateTtl(ttlMs);
    const id = await this.submit((draft) => draft.grant(ttlMs));
    return { id: String(id), ttlMs };
  }

  keepAlive(leaseId: LeaseId): Promise<{ ttlMs: number }> {
    const id = Number(validateLeaseId(leaseId));
    const lease = this.state.leases.get(id);
    const now = performance.now();
    if (!lease || this.expiring.has(id) || now > lease.deadline) {
      return Promise.reject(new LeaseNotFoundError(leaseId));
    }
    lease.deadline = now + lease.ttlMs;
    return Promise.resolve({ ttlMs: lease.ttlMs });
  }

  async revokeLease(leaseId: LeaseId): Promise<void> {
    const id = Number(validateLeaseId(leaseId));
    const { found } = await this.submit((draft) => draft.revoke(id));
    if (!found) throw new LeaseNotFoundError(leaseId);
  }

  /** Lower-level watch for the server: batches per revision, with backpressure left to the caller. */
  subscribe(
    prefix: string,
    fromRevision: number | undefined,
    subscriber: Subscriber,
  ): {
    startRevision: number;
    cancel: () => void;
  } {
    validatePrefix(prefix);
    if (fromRevision !== undefined) validateVersion(fromRevision, 'from revision');
    if (this.closed) throw new UnavailableError('metadata store is closed');
    const from = fromRevision || this.state.revision + 1;
    const cancel = this.hub.subscribe(prefix, from, subscriber);
    return { startRevision: from - 1, cancel };
  }

  watch(prefix: string, options: WatchOptions = {}): Watch {
    let cancel = () => {};
    const queue = new AsyncQueue<WatchEvent>(() => cancel());
    let ready: Promise<number>;
    try {
      const subscription = this.subscribe(prefix, options.fromRevision, {
        deliver: (revision, events) => {
          for (const event of events) queue.push(toWatchEvent(event, revision));
        },
        pending: () => queue.size,
        end: (error) => queue.end(error),
      });
      cancel = subscription.cancel;
      ready = Promise.resolve(subscription.startRevision);
    } catch (error) {
      queue.end(error);
      ready = Promise.reject(error);
      ready.catch(() => {});
    }
    return {
      ready,
      close: () => {
        cancel();
        queue.end();
      },
      [Symbol.asyncIterator]: () => queue,
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      clearInterval(this.sweeper);
      await this.idle;
      this.hub.close();
      await this.persistence.close();
    })();
    return this.closing;
  }

  private submit<T>(command: (draft: Draft) => T): Promise<T> {
    if (this.closed) return Promise.reject(new UnavailableError('metadata store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ command, resolve: resolve as (value: unknown) => void, reject });
      if (!this.committing) void this.commitLoop();
    });
  }

  private async commitLoop(): Promise<void> {
    this.committing = true;
    this.idle = new Promise((resolve) => (this.markIdle = resolve));
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroupCommit);
        const draft = this.state.draft();
        const decided: Array<{ pending: Pending; outcome: unknown }> = [];
        for (const pending of group) {
          try {
            decided.push({ pending, outcome: pending.command(draft) });
          } catch (error) {
            pending.reject(error);
          }
        }
        if (decided.length === 0) continue;
        try {
          if (!draft.isEmpty) await this.persistence.commit(draft, this.hub.oldestRetainedRevision);
        } catch (error) {
          const failure = new UnavailableError('metadata commit failed', { cause: error });
          for (const { pending } of decided) pending.reject(failure);
          continue;
        }
        this.state.apply(draft, performance.now());
        this.hub.publish(draft.revisions);
        for (const { pending, outcome } of decided) pending.resolve(outcome);
      }
    } finally {
      this.committing = false;
      this.markIdle();
    }
    if (this.closed) {
      for (const pending of this.queue.splice(0))
        pending.reject(new CancelledError('metadata store closed'));
    }
  }

  private expireLeases(): void {
    const now = performance.now();
    for (const [id, lease] of this.state.leases) {
      if (lease.deadline > now || this.expiring.has(id)) continue;
      this.expiring.add(id);
      this.submit((draft) => draft.revoke(id))
        .catch(() => {})
        .finally(() => this.expiring.delete(id));
    }
  }
}
