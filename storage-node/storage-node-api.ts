import type { AddResult__Output } from '../proto/generated/strata/storage/v1/AddResult.js';
import type { LedgerState__Output } from '../proto/generated/strata/storage/v1/LedgerState.js';
import type { ReadEntryResponse__Output } from '../proto/generated/strata/storage/v1/ReadEntryResponse.js';

export type AddResult = AddResult__Output;
export type LedgerState = LedgerState__Output;
export type ReadEntryResponse = ReadEntryResponse__Output;

export interface OutgoingEntry {
  ledgerId: number;
  entryId: number;
  lac: number;
  payload: Uint8Array;
  crc32c: number;
}

/**
 * One storage node's operations, whatever carries them: the gRPC client for a remote node, or a
 * direct call into a node running in the same process (standalone), where a loopback hop would
 * only burn CPU. The ledger client sees nothing else.
 */
export interface StorageNodeApi {
  readonly nodeId: string;
  /**
   * True when a READ_OK entry is the very buffer this process has just checked against its CRC
   * (a node in this process): the reader need not check it again. A remote node's entries crossed
   * a network and are always checked by the reader.
   */
  readonly readsVerifiedInProcess: boolean;
  /** Resolves with the node's answer for this entry once it is durable (or refused). */
  add(entry: OutgoingEntry, recovery: boolean): Promise<AddResult>;
  readEntry(ledgerId: number, entryId: number): Promise<ReadEntryResponse>;
  /** The entries the node holds in [first, last], in order. */
  readEntries(ledgerId: number, first: number, last: number): AsyncIterable<ReadEntryResponse>;
  readLac(ledgerId: number): Promise<LedgerState>;
  fence(ledgerId: number): Promise<LedgerState>;
  deleteLedger(ledgerId: number): Promise<boolean>;
}
