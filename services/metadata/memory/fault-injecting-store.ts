import { UnavailableError } from '../../common/errors.js';
import { sleep } from '../../common/retry.js';
import type { MetadataStore, Watch } from '../metadata-store.js';

export type StoreOperation = Exclude<keyof MetadataStore, 'close'>;

interface Fault {
  remaining: number;
  ops: ReadonlySet<StoreOperation> | undefined;
  apply: () => Promise<void>;
}

export interface FaultOptions {
  /** Only these operations are affected (and count against N); default all. */
  ops?: StoreOperation[];
}

/**
 * Wraps a store so a test can make its next N operations fail or slow down, the way a flaky
 * network or an overloaded metadata service would.
 */
export class FaultInjectingStore implements MetadataStore {
  private faults: Fault[] = [];

  constructor(private readonly inner: MetadataStore) {}

  /** The next `count` matching operations throw `error` (a retriable UnavailableError by default). */
  failNext(count: number, options: FaultOptions & { error?: Error } = {}): void {
    const error = options.error ?? new UnavailableError('injected metadata fault');
    this.add(count, options, () => Promise.reject(error));
  }

  /** The next `count` matching operations wait `ms` before running. */
  delayNext(count: number, ms: number, options: FaultOptions = {}): void {
    this.add(count, options, () => sleep(ms));
  }

  clearFaults(): void {
    this.faults = [];
  }

  get: MetadataStore['get'] = (key) => this.gated('get', () => this.inner.get(key));
  put: MetadataStore['put'] = (key, value, options) =>
    this.gated('put', () => this.inner.put(key, value, options));
  delete: MetadataStore['delete'] = (key, options) =>
    this.gated('delete', () => this.inner.delete(key, options));
  list: MetadataStore['list'] = (prefix, options) =>
    this.gated('list', () => this.inner.list(prefix, options));
  txn: MetadataStore['txn'] = (request) => this.gated('txn', () => this.inner.txn(request));
  grantLease: MetadataStore['grantLease'] = (ttlMs) =>
    this.gated('grantLease', () => this.inner.grantLease(ttlMs));
  keepAlive: MetadataStore['keepAlive'] = (leaseId) =>
    this.gated('keepAlive', () => this.inner.keepAlive(leaseId));
  revokeLease: MetadataStore['revokeLease'] = (leaseId) =>
    this.gated('revokeLease', () => this.inner.revokeLease(leaseId));

  watch: MetadataStore['watch'] = (prefix, options) => {
    const fault = this.take('watch');
    if (!fault) return this.inner.watch(prefix, options);
    // A faulted watch fails (or starts late) as a whole, as a broken stream would.
    let inner: Watch | undefined;
    let closed = false;
    const started = fault.apply().then(() => {
      inner = this.inner.watch(prefix, options);
      if (closed) inner.close();
      return inner;
    });
    started.catch(() => {});
    return {
      ready: started.then((watch) => watch.ready),
      close: () => {
        closed = true;
        inner?.close();
      },
      async *[Symbol.asyncIterator]() {
        yield* await started;
      },
    };
  };

  close(): Promise<void> {
    return this.inner.close();
  }

  private add(count: number, options: FaultOptions, apply: () => Promise<void>): void {
    if (!Number.isInteger(count) || count <= 0)
      throw new RangeError('count must be a positive integer');
    this.faults.push({ remaining: count, ops: options.ops && new Set(options.ops), apply });
  }

  private take(op: StoreOperation): Fault | undefined {
    const fault = this.faults.find((f) => !f.ops || f.ops.has(op));
    if (!fault) return undefined;
    if (--fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private async gated<T>(op: StoreOperation, run: () => Promise<T>): Promise<T> {
    const fault = this.take(op);
    if (fault) await fault.apply();
    return run();
  }
}
