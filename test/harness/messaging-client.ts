import { credentials, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { messagingGrpc } from '../../proto/messaging.js';
import type { ConsumeRequest } from '../../proto/generated/strata/v1/ConsumeRequest.js';
import type { ConsumeResponse__Output } from '../../proto/generated/strata/v1/ConsumeResponse.js';
import type { Delivery__Output } from '../../proto/generated/strata/v1/Delivery.js';
import type {
  MessageBatch,
  MessageBatch__Output,
} from '../../proto/generated/strata/v1/MessageBatch.js';
import type { MessagingClient } from '../../proto/generated/strata/v1/Messaging.js';
import type { ProduceRequest } from '../../proto/generated/strata/v1/ProduceRequest.js';
import type { ProduceResponse__Output } from '../../proto/generated/strata/v1/ProduceResponse.js';
import { fromServiceError } from '../../services/common/grpc-errors.js';
import { loadMessageCodec } from '../../proto/load.js';
import { waitFor } from './wait.js';

// Raw gRPC clients of the messaging API, for tests that must see exactly what goes on the wire
// (the SDK will sit on top of the same calls).

export const batchCodec = loadMessageCodec<MessageBatch, MessageBatch__Output>(
  'strata/v1/messaging.proto',
  'strata.v1.MessageBatch',
);

export function messagingClient(address: string): MessagingClient {
  return new messagingGrpc.Messaging(address, credentials.createInsecure(), {
    'grpc.max_send_message_length': 64 << 20,
  });
}

export const batchOf = (texts: string[]) =>
  batchCodec.encode({
    messages: texts.map((text, i) => ({ payload: Buffer.from(text), sequenceId: i })),
  });

/** Produces `batches` (each a list of message texts) on one stream; resolves with every response. */
export async function produceBatches(
  client: MessagingClient,
  topic: string,
  batches: string[][],
): Promise<ProduceResponse__Output[]> {
  const call = client.Produce();
  const responses: ProduceResponse__Output[] = [];
  const done = new Promise<void>((resolve, reject) => {
    call.on('data', (r: ProduceResponse__Output) => responses.push(r));
    call.on('error', reject);
    call.on('end', resolve);
  });
  call.write({ open: { topic } });
  batches.forEach((texts, i) =>
    call.write({
      send: {
        requestId: i + 1,
        batch: batchOf(texts),
        messageCount: texts.length,
        firstSequenceId: 0,
      },
    }),
  );
  call.end();
  await done;
  return responses;
}

export interface ReceivedMessage {
  text: string;
  id: { ledgerId: number; entryId: number; batchIndex: number };
  redeliveryCount: number;
}

/** A consumer on a raw Consume stream: collects deliveries, split into messages. */
export class RawConsumer {
  readonly messages: ReceivedMessage[] = [];
  readonly deliveries: Delivery__Output[] = [];
  readonly activeChanges: boolean[] = [];
  subscribed = false;
  /** The gateway's Subscribed answer. */
  subscribedAs: ConsumeResponse__Output['subscribed'] = null;
  error: ServiceError | undefined;
  ended = false;
  private readonly call: ClientDuplexStream<ConsumeRequest, ConsumeResponse__Output>;

  constructor(
    client: MessagingClient,
    subscribe: {
      topic: string;
      subscription: string;
      type: string;
      initialPosition?: string;
      consumerName?: string;
    },
    private readonly autoAck = false,
  ) {
    this.call = client.Consume();
    this.call.on('data', (response: ConsumeResponse__Output) => this.onResponse(response));
    this.call.on('error', (error: ServiceError) => (this.error = error));
    this.call.on('end', () => (this.ended = true));
    this.call.write({ subscribe: { initialPosition: 'EARLIEST', ...subscribe } as never });
  }

  flow(messages: number): void {
    this.call.write({ flow: { messages } });
  }

  ack(ids: ReceivedMessage['id'][], cumulative = false): void {
    this.call.write({ ack: { ids: ids.map((id) => ({ ...id, partition: -1 })), cumulative } });
  }

  /** Individual acks grouped by entry (Ack.entries), the SDK's form. */
  ackEntries(entries: Array<{ ledgerId: number; entryId: number; batchIndexes: number[] }>): void {
    this.call.write({ ack: { entries } });
  }

  nack(ids: ReceivedMessage['id'][]): void {
    this.call.write({ nack: { ids: ids.map((id) => ({ ...id, partition: -1 })) } });
  }

  send(request: ConsumeRequest): void {
    this.call.write(request);
  }

  async waitFor(count: number, what = `${count} messages`, timeoutMs = 20_000): Promise<void> {
    await waitFor(() => this.messages.length >= count || this.error, what, timeoutMs, 10);
    if (this.error) throw this.error;
  }

  close(): void {
    this.call.end();
  }

  private onResponse(response: ConsumeResponse__Output): void {
    if (response.subscribed) {
      this.subscribed = true;
      this.subscribedAs = response.subscribed;
    }
    if (response.activeChange) this.activeChanges.push(response.activeChange.active);
    const delivery = response.delivery;
    if (!delivery?.id) return;
    this.deliveries.push(delivery);
    const batch = batchCodec.decode(delivery.batch);
    const received = batch.messages
      .map((message, batchIndex) => ({
        text: message.payload.toString(),
        id: {
          ledgerId: delivery.id?.ledgerId ?? 0,
          entryId: delivery.id?.entryId ?? 0,
          batchIndex,
        },
        redeliveryCount: delivery.redeliveryCount,
      }))
      .filter((m) => !delivery.ackedIndexes.includes(m.id.batchIndex));
    this.messages.push(...received);
    if (this.autoAck) this.ack(received.map((m) => m.id));
  }
}

/** A raw Produce stream kept open (unlike the SDK, it never reconnects after a disconnect). */
export class RawProducer {
  readonly responses: ProduceResponse__Output[] = [];
  error: ServiceError | undefined;
  ended = false;
  private readonly call: ClientDuplexStream<ProduceRequest, ProduceResponse__Output>;
  private requestId = 0;

  constructor(messaging: MessagingClient, topic: string, producerName: string) {
    this.call = messaging.Produce();
    this.call.on('data', (r: ProduceResponse__Output) => this.responses.push(r));
    this.call.on('error', (e: ServiceError) => (this.error = e));
    this.call.on('end', () => (this.ended = true));
    this.call.write({ open: { topic, producerName } });
  }

  /** Sends one batch and waits for its receipt; throws the stream's or the send's error. */
  async send(texts: string[]): Promise<void> {
    const requestId = ++this.requestId;
    this.call.write({
      send: { requestId, batch: batchOf(texts), messageCount: texts.length, firstSequenceId: 0 },
    });
    const answered = () =>
      this.responses.find(
        (r) => r.receipt?.requestId === requestId || r.error?.requestId === requestId,
      );
    await waitFor(() => this.error || answered() || this.ended, `receipt ${requestId}`);
    if (this.error) throw fromServiceError(this.error);
    const answer = answered();
    if (answer?.error) throw new Error(`send failed: ${answer.error.code} ${answer.error.message}`);
    if (!answer) throw new Error('the produce stream ended before the receipt');
  }

  close(): void {
    this.call.end();
  }
}
