import type { ClientDuplexStream, ServiceError } from '@grpc/grpc-js';
import type { ConsumeRequest } from '../proto/generated/strata/v1/ConsumeRequest.js';
import type { ConsumeResponse__Output } from '../proto/generated/strata/v1/ConsumeResponse.js';
import type { Delivery__Output } from '../proto/generated/strata/v1/Delivery.js';
import { AsyncQueue } from '../services/common/async-queue.js';
import {
  CancelledError,
  InternalError,
  UnavailableError,
  asStrataError,
  type StrataError,
} from '../services/common/errors.js';
import { fromServiceError } from '../services/common/grpc-errors.js';
import { backoffDelay } from '../services/common/retry.js';
import { Readiness } from './readiness.js';
import { readMessageBatch, type BatchMessage } from './message-batch-reader.js';
import type { ConnectionPool } from './connection-pool.js';
import { DeliveredMessageId } from './delivered-message-id.js';
import type { MessageId, ReceivedMessage } from './message.js';

export type SubscriptionType = 'exclusive' | 'shared' | 'failover' | 'key_shared';

export interface SubscribeOptions {
  topic: string;
  subscription: string;
  type?: SubscriptionType;
  initialPosition?: 'earliest' | 'latest';
  consumerName?: string;
  /** Messages the gateway may send ahead of the application (Pulsar: 1,000). */
  receiverQueueSize?: number;
  nackRedeliveryDelayMs?: number;
  /** Redeliver a message not acknowledged within this (0: never, the default). */
  ackTimeoutMs?: number;
}

/** A consumer of a subscription: its messages as an async iterable, and the ack calls. */
export interface Consumer extends AsyncIterable<ReceivedMessage> {
  readonly topic: string;
  readonly subscription: string;
  /** Acknowledges everything up to and including `id` on its partition (Exclusive, Failover). */
  ackCumulative(id: MessageId): void;
  close(): Promise<void>;
}

/**
 * Where a partition's consumer puts what it receives: its own queue, or the queue a consumer of a
 * partitioned topic shares between its partitions.
 */
export interface MessageSink {
  push(message: ReceivedMessage): void;
  /** The consumer stopped for good (with the error, if it failed). */
  end(error?: unknown): void;
}

/** Individual acks waiting to be sent, grouped by entry (the wire's EntryAcks). */
interface PendingEntryAcks {
  ledgerId: number;
  entryId: number;
  batchIndexes: number[];
}

/** Mistakes that reconnecting will not fix: the consumer ends with them. */
const FATAL = new Set(['INVALID_ARGUMENT', 'CONSUMER_BUSY', 'NOT_IMPLEMENTED', 'NOT_FOUND']);

/**
 * A subscription's consumer as an async iterable of messages. Permits are granted as the
 * application takes messages; acks are sent in batches. After a disconnect or a redirect it looks
 * the topic up again and resubscribes; unacknowledged messages come again from the gateway.
 */
export class TopicConsumer implements Consumer {
  private readonly queue = new AsyncQueue<ReceivedMessage>(() => void this.close());
  private readonly sink: MessageSink;
  /** Delivered to the sink and not yet taken by the application. */
  private buffered = 0;
  /**
   * Failover only: those messages, for handing them back when this consumer stops being the
   * active one (no other type hands messages back, so none pays for the set).
   */
  private readonly untaken: Set<ReceivedMessage> | undefined;
  private readonly released = new WeakSet<ReceivedMessage>();
  private stream: ClientDuplexStream<ConsumeRequest, ConsumeResponse__Output> | undefined;
  private readonly receiverQueueSize: number;
  private taken = 0;
  private acks: PendingEntryAcks[] = [];
  /** The gateway of this stream applies acks grouped by entry (else they go as `ids`). */
  private entryAcks = false;
  private ackScheduled = false;
  private attempts = 0;
  private wasSubscribed = false;
  private epoch = 0;
  private closed = false;
  private readonly readiness = new Readiness();

  constructor(
    private readonly pool: ConnectionPool,
    private readonly options: SubscribeOptions,
    sink?: MessageSink,
  ) {
    this.receiverQueueSize = options.receiverQueueSize ?? 1_000;
    this.sink = sink ?? this.queue;
    // Lower-cased as connect() upper-cases it: a JavaScript caller may spell it either way.
    if (options.type?.toLowerCase() === 'failover') this.untaken = new Set();
  }

  get topic(): string {
    return this.options.topic;
  }

  get subscription(): string {
    return this.options.subscription;
  }

  async start(timeoutMs = 30_000): Promise<void> {
    this.connectSoon(0);
    await this.readiness.wait(timeoutMs, 'could not subscribe').catch((error: unknown) => {
      void this.close();
      throw error;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<ReceivedMessage> {
    return {
      next: async () => {
        for (;;) {
          const result = await this.queue.next();
          // A message handed back to the subscription is not the application's any more.
          if (result.done || this.messageTaken(result.value)) return result;
        }
      },
      return: () => this.queue.return(),
    };
  }

  /** Acknowledges everything up to and including `id` (Exclusive and Failover only). */
  ackCumulative(id: MessageId): void {
    const epoch = DeliveredMessageId.epochOf(id);
    if (epoch !== undefined && epoch !== this.epoch) return;
    this.stream?.write({ ack: { ids: [id], cumulative: true } });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flushAcks();
    this.closed = true;
    this.stream?.end();
    this.sink.end();
    this.readiness.fail(new CancelledError('consumer closed'));
  }

  /**
   * Acks are only sent on the connection that delivered the message: after a reconnect the new
   * owner redelivers what was not acknowledged, and a stale ack would refer to nothing it sent.
   * They go out grouped by entry, one record per entry rather than one id per message: encoding
   * and decoding an id per message cost the consumer and the gateway more than the acking itself.
   */
  private ackMessage(id: MessageId): void {
    if (DeliveredMessageId.epochOf(id) !== this.epoch) return;
    const last = this.acks[this.acks.length - 1];
    if (last && last.entryId === id.entryId && last.ledgerId === id.ledgerId) {
      last.batchIndexes.push(id.batchIndex);
    } else {
      this.acks.push({ ledgerId: id.ledgerId, entryId: id.entryId, batchIndexes: [id.batchIndex] });
    }
    if (this.ackScheduled) return;
    this.ackScheduled = true;
    setImmediate(() => this.flushAcks());
  }

  private nackMessage(id: MessageId): void {
    this.stream?.write({ nack: { ids: [id] } });
  }

  private flushAcks(): void {
    this.ackScheduled = false;
    if (this.acks.length === 0 || !this.stream) return;
    const entries = this.acks.splice(0);
    if (this.entryAcks) {
      this.stream.write({ ack: { entries } });
      return;
    }
    const ids = entries.flatMap(({ ledgerId, entryId, batchIndexes }) =>
      batchIndexes.map((batchIndex) => ({ ledgerId, entryId, batchIndex })),
    );
    this.stream.write({ ack: { ids } });
  }

  /**
   * The application took one of this consumer's messages: more permits are granted once half the
   * receiver queue has been taken. False for a message handed back already (skip it).
   */
  messageTaken(message: ReceivedMessage): boolean {
    this.untaken?.delete(message);
    this.buffered--;
    this.taken++;
    if (this.taken >= Math.max(1, Math.floor(this.receiverQueueSize / 2))) {
      this.stream?.write({ flow: { messages: this.taken } });
      this.taken = 0;
    }
    return this.untaken === undefined || !this.released.has(message);
  }

  private connectSoon(delayMs: number): void {
    setTimeout(() => {
      if (this.closed) return;
      this.connect().catch((error: unknown) => this.onBroken(undefined, asStrataError(error)));
    }, delayMs);
  }

  private async connect(): Promise<void> {
    const { owner } = await this.pool.lookup(this.options.topic);
    if (this.closed) return;
    const stream = this.pool.get(owner).Consume();
    this.stream = stream;
    // Acks of messages delivered before this connection are dropped (they come again).
    this.epoch++;
    this.acks = [];
    stream.on('data', (response: ConsumeResponse__Output) => {
      if (response.subscribed) {
        this.attempts = 0;
        this.wasSubscribed = true;
        this.entryAcks = response.subscribed.entryAcks;
        // A fresh stream: the gateway owes us nothing, so the whole receiver queue is granted
        // (less what the application has not taken yet).
        this.taken = 0;
        const free = Math.max(1, this.receiverQueueSize - this.buffered);
        stream.write({ flow: { messages: free } });
        this.readiness.ready();
      } else if (response.delivery) {
        this.onDelivery(response.delivery);
      } else if (response.activeChange?.active === false) {
        this.releaseUntaken(stream);
      }
    });
    stream.on('error', (error: ServiceError) => this.onBroken(stream, fromServiceError(error)));
    stream.on('end', () => this.onBroken(stream, new UnavailableError('consume stream ended')));
    stream.write({
      subscribe: {
        topic: this.options.topic,
        subscription: this.options.subscription,
        type: (this.options.type ?? 'exclusive').toUpperCase() as never,
        initialPosition: (this.options.initialPosition ?? 'latest').toUpperCase() as never,
        consumerName: this.options.consumerName ?? '',
        nackRedeliveryDelayMs: this.options.nackRedeliveryDelayMs ?? 0,
        ackTimeoutMs: this.options.ackTimeoutMs ?? 0,
      },
    });
  }

  /**
   * Failover: another consumer is active now. What the application has not taken yet goes back
   * (a release) and is skipped here, so the two never process a key's messages at the same time.
   */
  private releaseUntaken(
    stream: ClientDuplexStream<ConsumeRequest, ConsumeResponse__Output>,
  ): void {
    if (!this.untaken) return;
    const ids: MessageId[] = [];
    for (const message of this.untaken) {
      this.released.add(message);
      ids.push(message.id);
    }
    this.untaken.clear();
    if (ids.length > 0) stream.write({ nack: { ids, release: true } });
  }

  private onDelivery(delivery: Delivery__Output): void {
    const entry = delivery.id;
    if (!entry) return;
    let messages: BatchMessage[];
    try {
      messages = readMessageBatch(delivery.batch);
    } catch (error) {
      // A batch its producer wrote wrongly: fail loudly rather than crash the application.
      this.closed = true;
      this.stream?.cancel();
      this.sink.end(
        new InternalError(`undecodable batch at ${entry.ledgerId}:${entry.entryId}`, {
          cause: error,
        }),
      );
      return;
    }
    const epoch = this.epoch;
    const acked = delivery.ackedIndexes.length > 0 ? new Set(delivery.ackedIndexes) : undefined;
    for (let batchIndex = 0; batchIndex < messages.length; batchIndex++) {
      if (acked?.has(batchIndex)) continue;
      const message = messages[batchIndex] as BatchMessage;
      const id = new DeliveredMessageId(
        entry.ledgerId,
        entry.entryId,
        batchIndex,
        entry.partition,
        epoch,
      );
      this.buffered++;
      const received: ReceivedMessage = {
        id,
        payload: message.payload,
        key: message.key,
        properties: message.properties,
        eventTimeMs: message.eventTimeMs,
        publishTimeMs: delivery.publishTimeMs,
        producerName: delivery.producerName,
        sequenceId: message.sequenceId,
        redeliveryCount: delivery.redeliveryCount,
        ack: () => this.ackMessage(id),
        nack: () => this.nackMessage(id),
      };
      this.untaken?.add(received);
      this.sink.push(received);
    }
  }

  private onBroken(
    stream: ClientDuplexStream<ConsumeRequest, ConsumeResponse__Output> | undefined,
    error: StrataError,
  ): void {
    if (stream && this.stream !== stream) return;
    this.stream = undefined;
    if (this.closed) return;
    // On a reconnect, "busy" is our own previous stream the gateway has not noticed dead yet.
    if (FATAL.has(error.code) && !(error.code === 'CONSUMER_BUSY' && this.wasSubscribed)) {
      this.readiness.fail(error);
      this.closed = true;
      this.sink.end(error);
      return;
    }
    this.connectSoon(backoffDelay(++this.attempts, { initialDelayMs: 50, maxDelayMs: 2_000 }));
  }
}
