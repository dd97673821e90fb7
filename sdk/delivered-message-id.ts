import type { MessageId } from './message.js';

/**
 * A message id as a consumer received it. It remembers which connection (epoch) delivered it, so
 * an ack that outlived a reconnect can be dropped: the new owner redelivers what was not acked.
 * The epoch is a private field rather than a side table (a WeakMap entry per message was a
 * visible cost while draining a backlog), and stays out of the id's enumerable fields.
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
