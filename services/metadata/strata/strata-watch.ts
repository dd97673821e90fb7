import type { ClientReadableStream, StatusObject } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import type { MetadataClient } from '../../../proto/generated/strata/metadata/v1/Metadata.js';
import type { WatchResponse__Output } from '../../../proto/generated/strata/metadata/v1/WatchResponse.js';
import { AsyncQueue } from '../../common/async-queue.js';
import { fromServiceError } from '../../common/grpc-errors.js';
import { backoffDelay } from '../../common/retry.js';
import type { Watch, WatchEvent } from '../metadata-store.js';
import { watchEventFromWire } from '../wire.js';

/** Buffered events at which the stream is paused, and the level at which it resumes. */
const HIGH_WATER = 10_000;
const LOW_WATER = 1_000;

/** Errors after which reconnecting cannot help. */
const FATAL_CODES = new Set(['COMPACTED', 'INVALID_ARGUMENT']);

/**
 * A watch on the metadata service that survives reconnects: it remembers the revision after the
 * last one delivered and asks the server to resume from there, so no event is lost or repeated.
 */
export class StrataWatch implements Watch {
  readonly ready: Promise<number>;
  private resolveReady!: (revision: number) => void;
  private rejectReady!: (error: unknown) => void;
  private readonly queue = new AsyncQueue<WatchEvent>(() => this.close());
  private call: ClientReadableStream<WatchResponse__Output> | undefined;
  private nextRevision: number | undefined;
  private attempt = 0;
  private paused = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: MetadataClient,
    private readonly prefix: string,
    fromRevision: number | undefined,
  ) {
    this.nextRevision = fromRevision || undefined;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {});
    this.connect();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.call?.cancel();
    this.queue.end();
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    return {
      next: async () => {
        const result = await this.queue.next();
        if (this.paused && this.queue.size <= LOW_WATER) {
          this.paused = false;
          this.call?.resume();
        }
        return result;
      },
      return: () => this.queue.return(),
    };
  }

  private connect(): void {
    if (this.closed) return;
    let call: ClientReadableStream<WatchResponse__Output>;
    try {
      call = this.client.Watch({ prefix: this.prefix, fromRevision: this.nextRevision ?? 0 });
    } catch (error) {
      // The client was closed under us: nothing to reconnect to.
      const failure = fromServiceError(error as Error);
      this.rejectReady(failure);
      this.queue.end(failure);
      return;
    }
    this.call = call;
    call.on('data', (response: WatchResponse__Output) => this.onResponse(call, response));
    // 'status' always follows; the error is handled there.
    call.on('error', () => {});
    call.on('status', (final: StatusObject) => this.onStatus(call, final));
  }

  private onResponse(
    call: ClientReadableStream<WatchResponse__Output>,
    response: WatchResponse__Output,
  ) {
    if (this.closed || call !== this.call) return;
    this.attempt = 0;
    if (response.created) {
      this.nextRevision ??= response.revision + 1;
      this.resolveReady(response.revision);
      return;
    }
    for (const event of response.events)
      this.queue.push(watchEventFromWire(event, response.revision));
    this.nextRevision = response.revision + 1;
    if (!this.paused && this.queue.size >= HIGH_WATER) {
      this.paused = true;
      call.pause();
    }
  }

  private onStatus(call: ClientReadableStream<WatchResponse__Output>, final: StatusObject): void {
    if (this.closed || call !== this.call) return;
    this.call = undefined;
    if (final.code !== status.OK) {
      const error = fromServiceError(Object.assign(new Error(final.details), final));
      if (FATAL_CODES.has(error.code)) {
        this.rejectReady(error);
        this.queue.end(error);
        return;
      }
    }
    // The server went away or ended the stream (shutdown, restart, slow watcher): resume.
    this.paused = false;
    this.timer = setTimeout(
      () => this.connect(),
      backoffDelay(++this.attempt, { maxDelayMs: 2_000 }),
    );
  }
}
