/** Identifies a message: its entry (ledger, entry), its index in the batch, its partition. */
export interface MessageId {
  ledgerId: number;
  entryId: number;
  batchIndex: number;
  partition: number;
}

export interface OutgoingMessage {
  payload: Uint8Array | string;
  key?: string;
  properties?: Record<string, string>;
  eventTimeMs?: number;
}

export interface ReceivedMessage {
  id: MessageId;
  payload: Buffer;
  key: string;
  properties: Record<string, string>;
  eventTimeMs: number;
  publishTimeMs: number;
  producerName: string;
  sequenceId: number;
  redeliveryCount: number;
  ack(): void;
  nack(): void;
}

export function compareMessageIds(a: MessageId, b: MessageId): number {
  return a.ledgerId - b.ledgerId || a.entryId - b.entryId || a.batchIndex - b.batchIndex;
}

/** `ledger:entry:partition:batchIndex`, the way Pulsar prints a message id. */
export function formatMessageId(id: MessageId): string {
  return `${id.ledgerId}:${id.entryId}:${id.partition}:${id.batchIndex}`;
}
