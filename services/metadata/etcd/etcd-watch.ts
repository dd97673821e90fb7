import { Range, type Etcd3, type IKeyValue, type Watcher } from 'etcd3';
import { AsyncQueue } from '../../common/async-queue.js';
import { CompactedError } from '../../common/errors.js';
import type { Watch, WatchEvent } from '../metadata-store.js';
import { fromEtcdError } from './etcd-errors.js';
import { prefixEnd, toKeyValue } from './etcd-keys.js';

/**
 * An etcd watch as an async iterable. The etcd3 library reconnects by itself and resumes after the
 * last revision it saw, which is the guarantee the contract asks for.
 */
export class EtcdWatch implements Watch {
  readonly ready: Promise<number>;
  private readonly queue = new AsyncQueue<WatchEvent>(() => this.close());
  private watcher: Watcher | undefined;
  private closed = false;

  constructor(client: Etcd3, prefix: string, fromRevision: number | undefined) {
    this.ready = this.start(client, prefix, fromRevision).catch((error: unknown) => {
      const failure = fromEtcdError(error);
      this.queue.end(failure);
      throw failure;
    });
    this.ready.catch(() => {});
  }

  private async start(
    client: Etcd3,
    prefix: string,
    fromRevision: number | undefined,
  ): Promise<number> {
    // Without a start revision, pin one: the watch then provably begins right after `ready`.
    const from =
      fromRevision ||
      Number((await client.kv.range({ key: Buffer.of(0), count_only: true })).header.revision) + 1;
    const key = Buffer.from(prefix);
    const range =
      prefix === '' ? new Range(Buffer.of(0), Buffer.of(0)) : new Range(key, prefixEnd(key));
    const watcher = await client.watch().inRange(range).startRevision(String(from)).create();
    this.attach(watcher, from);
    return from - 1;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.end();
    void this.watcher?.cancel().catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    return this.queue;
  }

  private attach(watcher: Watcher, fromRevision: number): void {
    this.watcher = watcher;
    if (this.closed) void watcher.cancel().catch(() => {});
    watcher.on('put', (kv: IKeyValue) => {
      this.queue.push({ type: 'put', kv: toKeyValue(kv), revision: Number(kv.mod_revision) });
    });
    watcher.on('delete', (kv: IKeyValue) => {
      this.queue.push({
        type: 'delete',
        key: kv.key.toString('utf8'),
        revision: Number(kv.mod_revision),
      });
    });
    watcher.on('error', (error: Error) => {
      const failure = /compacted/i.test(error.message)
        ? new CompactedError(fromRevision, 0, { cause: error })
        : fromEtcdError(error);
      this.queue.end(failure);
    });
  }
}
