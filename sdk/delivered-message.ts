import type { MessageId, ReceivedMessage } from './message.js';

/** What a delivered message calls back into: the consumer that received it. */
export interface MessageOwner {
  ackMessage(id: MessageId): void;
  nackMessage(id: MessageId): void;
}

/**
 * A message id as a consumer received it. It remembers which connection (epoch) delivered it, so
 * an ack that outlived a reconnect can be dropped: the new owner redelivers what was not acked.
 * The epoch is a private field rather than a side table, so it costs nothing to forget.
 */
export class DeliveredMessageId implements MessageId {
  readonly #epoch: number;

  constructor(
    public ledgerId: number,
    public entryId: number,
    public batchIndex: number,
    public partition: number,
    epoch: number,
  ) {
    this.#epoch = epoch;
  }

  /** The connection that delivered `id`; undefined for an id the application built itself. */
  static epochOf(id: MessageId): number | undefined {
    return id instanceof DeliveredMessageId ? id.#epoch : undefined;
  }
}

/** Fields of a message as its batch and delivery give them. */
export type DeliveredFields = Omit<ReceivedMessage, 'ack' | 'nack'>;

/** A received message whose ack and nack go to the consumer that received it. */
export class DeliveredMessage implements ReceivedMessage {
  readonly #owner: MessageOwner;
  id: MessageId;
  payload: Buffer;
  key: string;
  properties: Record<string, string>;
  eventTimeMs: number;
  publishTimeMs: number;
  producerName: string;
  sequenceId: number;
  redeliveryCount: number;

  constructor(owner: MessageOwner, fields: DeliveredFields) {
    this.#owner = owner;
    this.id = fields.id;
    this.payload = fields.payload;
    this.key = fields.key;
    this.properties = fields.properties;
    this.eventTimeMs = fields.eventTimeMs;
    this.publishTimeMs = fields.publishTimeMs;
    this.producerName = fields.producerName;
    this.sequenceId = fields.sequenceId;
    this.redeliveryCount = fields.redeliveryCount;
  }

  // Arrow properties, not methods: `const { ack } = message; ack()` must keep working.
  ack = (): void => this.#owner.ackMessage(this.id);
  nack = (): void => this.#owner.nackMessage(this.id);
}
