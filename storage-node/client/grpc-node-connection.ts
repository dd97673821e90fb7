import { credentials, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import type { AddRequest } from '../../proto/generated/strata/storage/v1/AddRequest.js';
import type { AddResponse__Output } from '../../proto/generated/strata/storage/v1/AddResponse.js';
import type { AddResult__Output } from '../../proto/generated/strata/storage/v1/AddResult.js';
import type { Entry } from '../../proto/generated/strata/storage/v1/Entry.js';
import type { LedgerState__Output } from '../../proto/generated/strata/storage/v1/LedgerState.js';
import type { ReadEntryResponse__Output } from '../../proto/generated/strata/storage/v1/ReadEntryResponse.js';
import type { StorageNodeClient } from '../../proto/generated/strata/storage/v1/StorageNode.js';
import { TimeoutError, UnavailableError } from '../../services/common/errors.js';
import { fromServiceError } from '../../services/common/grpc-errors.js';
import type { OutgoingEntry, StorageNodeApi } from '../storage-node-api.js';
import { MAX_STORAGE_MESSAGE_BYTES, storageGrpc } from '../storage-grpc.js';
import { CLIENT_FLOW_CONTROL_OPTIONS } from '../../services/common/http2-flow-window.js';

interface Waiter {
  resolve: (result: AddResult__Output) => void;
  reject: (error: unknown) => void;
  sentAt: number;
}

/** Entries queued in one tick go out as one request, up to this size. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * A remote storage node: a gRPC channel plus one long-lived add stream on which entries from every
 * ledger are pipelined. Entries queued in the same tick share a request.
 */
export class GrpcNodeConnection implements StorageNodeApi {
  readonly readsVerifiedInProcess = false;
  private readonly client: StorageNodeClient;
  private stream: ClientDuplexStream<AddRequest, AddResponse__Output> | undefined;
  /** In request-id order, which is send order: the first is the oldest. */
  private readonly waiting = new Map<number, Waiter>();
  private readonly queued: Array<{
    entry: OutgoingEntry & { requestId: number };
    recovery: boolean;
  }> = [];
  private nextRequestId = 1;
  private flushScheduled = false;
  private closed = false;
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    readonly nodeId: string,
    readonly address: string,
    private readonly requestTimeoutMs: number,
  ) {
    this.client = new storageGrpc.StorageNode(address, credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_STORAGE_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_STORAGE_MESSAGE_BYTES,
      'grpc.keepalive_time_ms': 10_000,
      'grpc.keepalive_timeout_ms': 5_000,
      'grpc.initial_reconnect_backoff_ms': 100,
      'grpc.max_reconnect_backoff_ms': 2_000,
      ...CLIENT_FLOW_CONTROL_OPTIONS,
    });
    // A node that stops answering (frozen, partitioned) would otherwise hold every waiter and its
    // payload until the TCP connection dies: past twice the request timeout, the stream is broken.
    this.watchdog = setInterval(() => this.expireWaiters(), Math.max(100, requestTimeoutMs / 2));
    this.watchdog.unref();
  }

  /** Resolves with the node's answer for this entry; rejects if the stream to the node breaks. */
  add(entry: OutgoingEntry, recovery: boolean): Promise<AddResult__Output> {
    if (this.closed)
      return Promise.reject(new UnavailableError(`connection to ${this.nodeId} is closed`));
    return new Promise((resolve, reject) => {
      const requestId = this.nextRequestId++;
      this.waiting.set(requestId, { resolve, reject, sentAt: performance.now() });
      this.queued.push({ entry: { ...entry, requestId }, recovery });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  readEntry(ledgerId: number, entryId: number): Promise<ReadEntryResponse__Output> {
    return this.unary((o, cb) => this.client.ReadEntry({ ledgerId, entryId }, o, cb));
  }

  async *readEntries(
    ledgerId: number,
    first: number,
    last: number,
  ): AsyncGenerator<ReadEntryResponse__Output> {
    const call = this.client.ReadEntries(
      { ledgerId, firstEntryId: first, lastEntryId: last },
      { deadline: Date.now() + this.requestTimeoutMs * 6 },
    );
    try {
      for await (const response of call as AsyncIterable<ReadEntryResponse__Output>) yield response;
    } catch (error) {
      throw fromServiceError(error as ServiceError);
    } finally {
      call.cancel();
    }
  }

  readLac(ledgerId: number): Promise<LedgerState__Output> {
    return this.unary((o, cb) => this.client.ReadLac({ ledgerId }, o, cb));
  }

  fence(ledgerId: number): Promise<LedgerState__Output> {
    return this.unary((o, cb) => this.client.Fence({ ledgerId }, o, cb));
  }

  async deleteLedger(ledgerId: number): Promise<boolean> {
    const response = await this.unary<{ existed: boolean }>((o, cb) =>
      this.client.DeleteLedger({ ledgerId }, o, cb),
    );
    return response.existed;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.watchdog);
    this.failAll(new UnavailableError(`connection to ${this.nodeId} closed`));
    this.stream?.end();
    this.client.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queued.length === 0 || this.closed) return;
    const stream = this.openStream();
    const batches: Record<'normal' | 'recovery', Entry[]> = { normal: [], recovery: [] };
    const bytes = { normal: 0, recovery: 0 };
    const send = (kind: 'normal' | 'recovery') => {
      if (batches[kind].length === 0) return;
      stream.write({ entries: batches[kind], recovery: kind === 'recovery' });
      batches[kind] = [];
      bytes[kind] = 0;
    };
    for (const { entry, recovery } of this.queued.splice(0)) {
      const kind = recovery ? 'recovery' : 'normal';
      if (bytes[kind] + entry.payload.byteLength > MAX_REQUEST_BYTES) send(kind);
      batches[kind].push(entry);
      bytes[kind] += entry.payload.byteLength;
    }
    send('normal');
    send('recovery');
  }

  private openStream(): ClientDuplexStream<AddRequest, AddResponse__Output> {
    if (this.stream) return this.stream;
    const stream = this.client.AddEntries();
    this.stream = stream;
    stream.on('data', (response: AddResponse__Output) => {
      for (const result of response.results) {
        const waiter = this.waiting.get(result.requestId);
        this.waiting.delete(result.requestId);
        waiter?.resolve(result);
      }
    });
    const broken = (error?: Error) => {
      if (this.stream !== stream) return;
      this.stream = undefined;
      this.failAll(
        error
          ? fromServiceError(error)
          : new UnavailableError(`storage node ${this.nodeId} ended the add stream`),
      );
    };
    stream.on('error', (error: Error) => broken(error));
    stream.on('end', () => broken());
    return stream;
  }

  private failAll(error: unknown): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const waiter of waiting) waiter.reject(error);
  }

  private expireWaiters(): void {
    const oldest = this.waiting.values().next().value;
    if (!oldest || performance.now() - oldest.sentAt < this.requestTimeoutMs * 2) return;
    const stream = this.stream;
    this.stream = undefined;
    stream?.cancel();
    this.failAll(
      new TimeoutError(
        `storage node ${this.nodeId} did not answer adds for ${this.requestTimeoutMs * 2} ms`,
      ),
    );
  }

  private unary<Res>(
    send: (
      options: { deadline: number },
      callback: (error: ServiceError | null, response?: Res) => void,
    ) => unknown,
  ): Promise<Res> {
    return new Promise((resolve, reject) => {
      send({ deadline: Date.now() + this.requestTimeoutMs }, (error, response) =>
        error ? reject(fromServiceError(error)) : resolve(response as Res),
      );
    });
  }
}
