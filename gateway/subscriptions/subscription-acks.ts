import { InvalidArgumentError } from '../../services/common/errors.js';
import type { ManagedCursor } from '../cursor/managed-cursor.js';
import { comparePositions, type Position } from '../managed-ledger/position.js';
import { positionKey } from './dispatch-consumer.js';

/** One acknowledged message, as a client names it. */
export interface AckId {
  ledgerId: number;
  entryId: number;
  batchIndex: number;
}

/** Acks of some messages of one entry, by their indexes in its batch. */
export interface EntryAckIds {
  ledgerId: number;
  entryId: number;
  batchIndexes: readonly number[];
}

/** What applying an ack needs of its subscription. */
export interface AckTarget {
  readonly name: string;
  readonly cursor: ManagedCursor;
  /** Entries delivered and not fully acknowledged: position key → messages in the batch. */
  readonly inFlight: ReadonlyMap<string, number>;
  /** The entry is fully acknowledged: nobody holds it any more. */
  settle(key: string): void;
}

/**
 * Acknowledges messages of one entry, by their indexes in its batch. An ack of something never
 * delivered is the client's mistake (unless it was acknowledged already: acks may repeat).
 */
export function ackEntry(target: AckTarget, position: Position, indexes: readonly number[]): void {
  const key = positionKey(position);
  if (indexes.length === 0)
    throw new InvalidArgumentError(`the acks of entry ${key} name no message`);
  const count = target.inFlight.get(key);
  if (count === undefined) {
    const unsent = indexes.find((index) => !target.cursor.isAcked(position, index));
    if (unsent === undefined) return;
    throw new InvalidArgumentError(
      `message ${key}:${unsent} was not delivered on subscription ${target.name}`,
    );
  }
  const outside = indexes.find((index) => index < 0 || index >= count);
  if (outside !== undefined) {
    throw new InvalidArgumentError(
      `message ${key} has no batch index ${outside} (batch of ${count})`,
    );
  }
  target.cursor.ack(position, count > 1 ? { indexes, size: count } : undefined);
  if (target.cursor.isAcked(position)) target.settle(key);
}

/** Acknowledges everything before `id`'s entry, and that entry's messages up to its batch index. */
export function ackCumulative(target: AckTarget, id: AckId): void {
  const position = { ledgerId: id.ledgerId, entryId: id.entryId };
  const key = positionKey(position);
  if (id.batchIndex < 0)
    throw new InvalidArgumentError(`message ${key} has no batch index ${id.batchIndex}`);
  const count = target.inFlight.get(key);
  if (count === undefined) {
    if (target.cursor.isAcked(position, id.batchIndex)) return;
    throw new InvalidArgumentError(
      `message ${key}:${id.batchIndex} was not delivered on subscription ${target.name}`,
    );
  }
  const wholeEntry = id.batchIndex >= count - 1;
  const through = wholeEntry
    ? position
    : { ledgerId: position.ledgerId, entryId: position.entryId - 1 };
  target.cursor.ackCumulative(through);
  if (!wholeEntry) {
    const indexes = Array.from({ length: id.batchIndex + 1 }, (_, index) => index);
    target.cursor.ack(position, { indexes, size: count });
  }
  for (const inFlightKey of [...target.inFlight.keys()]) {
    const [ledgerId, entryId] = inFlightKey.split(':').map(Number) as [number, number];
    if (comparePositions({ ledgerId, entryId }, through) <= 0) target.settle(inFlightKey);
  }
}
