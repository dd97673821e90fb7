import type { Position } from './position.js';

export type ManagedLedgerState = 'open' | 'rolling' | 'closing' | 'closed' | 'fenced';

export interface ManagedLedgerEntry {
  position: Position;
  payload: Buffer;
}

export interface ManagedLedgerConfig {
  ensembleSize: number;
  writeQuorum: number;
  ackQuorum: number;
  /** Roll over to a new ledger after this many entries (Pulsar: 50,000). */
  maxEntriesPerLedger: number;
  /** ...or this many bytes (1 GiB)... */
  maxBytesPerLedger: number;
  /** ...or this age (4 h). */
  maxLedgerAgeMs: number;
}

export const DEFAULT_MANAGED_LEDGER_CONFIG: ManagedLedgerConfig = {
  ensembleSize: 1,
  writeQuorum: 1,
  ackQuorum: 1,
  maxEntriesPerLedger: 50_000,
  maxBytesPerLedger: 1024 ** 3,
  maxLedgerAgeMs: 4 * 60 * 60 * 1000,
};

/** One ledger of a topic, for stats and deletion. */
export interface ManagedLedgerLedgerInfo {
  ledgerId: number;
  entries: number;
  /** 0 when unknown: a ledger recovered after its writer died. */
  sizeBytes: number;
  createdAtMs: number;
  /** The ledger being written now. */
  open: boolean;
}

/**
 * A reader that tails a topic (a subscription with consumers). While one is registered, appended
 * entries are cached; an entry leaves the cache once every registered reader has read past it.
 */
export interface ActiveReader {
  /** The next position this reader will read: everything before it is done with. */
  moveTo(position: Position): void;
  close(): void;
}

/**
 * A topic partition's log: an ordered list of ledgers, of which the last is being written by this
 * owner. Entries (batches) are the unit; their bytes are never looked into.
 */
export interface ManagedLedger {
  readonly name: string;
  readonly state: ManagedLedgerState;
  /** Appends one entry; resolves with its position, in append order. */
  append(payload: Uint8Array): Promise<Position>;
  /** The last confirmed entry, or undefined when the topic is empty. */
  readonly lastConfirmed: Position | undefined;
  /** The first position that may exist (the start of the first ledger). */
  readonly firstPosition: Position;
  /** Up to `maxEntries` entries from `from` (inclusive), crossing ledgers, in order. */
  read(from: Position, maxEntries: number): Promise<ManagedLedgerEntry[]>;
  /** The topic's ledgers, oldest first, with their entries and bytes so far. */
  ledgers(): ManagedLedgerLedgerInfo[];
  /** The position right after `position` in this topic, crossing into the next ledger. */
  nextPosition(position: Position): Position;
  /** The last entry of a ledger that will not grow any more; undefined for the one being written. */
  closedLedgerLastEntry(ledgerId: number): number | undefined;
  /** Whether the topic's ledger list holds this ledger (empty ledgers are dropped on reopen). */
  ledgerExists(ledgerId: number): boolean;
  /** The ledger that follows `ledgerId` in this topic, if any. */
  ledgerAfter(ledgerId: number): number | undefined;
  /** Registers a tailing reader whose next read is at `position` (Pulsar's active cursor). */
  addActiveReader(position: Position): ActiveReader;
  /** Resolves once an entry after `position` is confirmed (tailing reads), or the signal aborts. */
  waitForEntriesAfter(position: Position, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
