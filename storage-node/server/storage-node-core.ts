import { crc32c } from '@node-rs/crc32';
import { InvalidArgumentError } from '../../services/common/errors.js';
import type { Logger } from '../../services/common/logger.js';
import type {
  AddResult,
  LedgerState,
  OutgoingEntry,
  ReadEntryResponse,
  StorageNodeApi,
} from '../storage-node-api.js';
import type { EntryStore, LedgerRecord, ReadOutcome } from './entry-store.js';

export function checkLedgerId(ledgerId: number): void {
  if (!Number.isSafeInteger(ledgerId) || ledgerId <= 0) {
    throw new InvalidArgumentError(
      `malformed ledger id ${ledgerId}: must be a positive integer below 2^53`,
    );
  }
}

export function checkEntryId(entryId: number, what = 'entry id'): void {
  if (!Number.isSafeInteger(entryId) || entryId < 0) {
    throw new InvalidArgumentError(
      `malformed ${what} ${entryId}: must be a non-negative integer below 2^53`,
    );
  }
}

const toState = (record: LedgerRecord): LedgerState => ({
  lac: record.lac,
  lastEntryId: record.lastEntryId,
  fenced: record.fenced,
});

function toReadResponse(
  ledgerId: number,
  entryId: number,
  outcome: ReadOutcome,
): ReadEntryResponse {
  if (outcome.status === 'ok') {
    const { lac, crc32c: checksum, payload } = outcome.entry;
    return {
      status: 'READ_OK',
      entry: { ledgerId, entryId, lac, payload, crc32c: checksum, requestId: 0 },
    };
  }
  return {
    status: outcome.status === 'corrupt' ? 'READ_CORRUPT' : 'READ_NO_ENTRY',
    entry: { ledgerId, entryId, lac: -1, payload: Buffer.alloc(0), crc32c: 0, requestId: 0 },
  };
}

/**
 * A storage node's operations on its entry store, with every input checked: the gRPC service and
 * in-process callers share this, so a node behaves the same however it is reached.
 */
export class StorageNodeCore implements StorageNodeApi {
  /** EntryStore.decode checks each record's CRC before an entry is answered READ_OK. */
  readonly readsVerifiedInProcess = true;
  constructor(
    readonly nodeId: string,
    private readonly store: EntryStore,
    private readonly logger: Logger,
    private readonly maxEntryBytes: number,
  ) {}

  async add(entry: OutgoingEntry, recovery: boolean): Promise<AddResult> {
    const base = { ledgerId: entry.ledgerId, entryId: entry.entryId, message: '', requestId: 0 };
    const refused = this.refuse(entry);
    if (refused) return { ...base, ...refused };
    switch (await this.store.add(entry, recovery)) {
      case 'ok':
        return { ...base, status: 'ADD_OK' };
      case 'fenced':
        return { ...base, status: 'ADD_FENCED', message: `ledger ${entry.ledgerId} is fenced` };
      case 'read-only':
        return { ...base, status: 'ADD_READ_ONLY', message: 'node is read-only: disk nearly full' };
      default:
        return { ...base, status: 'ADD_FAILED', message: 'node could not store the entry' };
    }
  }

  async readEntry(ledgerId: number, entryId: number): Promise<ReadEntryResponse> {
    checkLedgerId(ledgerId);
    checkEntryId(entryId);
    return toReadResponse(ledgerId, entryId, await this.store.read(ledgerId, entryId));
  }

  async *readEntries(
    ledgerId: number,
    first: number,
    last: number,
  ): AsyncGenerator<ReadEntryResponse> {
    checkLedgerId(ledgerId);
    checkEntryId(first, 'first entry id');
    checkEntryId(last, 'last entry id');
    if (last < first)
      throw new InvalidArgumentError(`empty range: last entry ${last} is before first ${first}`);
    for await (const { entryId, outcome } of this.store.readRange(ledgerId, first, last)) {
      yield toReadResponse(ledgerId, entryId, outcome);
    }
  }

  readLac(ledgerId: number): Promise<LedgerState> {
    checkLedgerId(ledgerId);
    return Promise.resolve(toState(this.store.state(ledgerId)));
  }

  async fence(ledgerId: number): Promise<LedgerState> {
    checkLedgerId(ledgerId);
    const state = await this.store.fence(ledgerId);
    this.logger.info({ ledgerId, lac: state.lac, lastEntryId: state.lastEntryId }, 'ledger fenced');
    return toState(state);
  }

  deleteLedger(ledgerId: number): Promise<boolean> {
    checkLedgerId(ledgerId);
    return this.store.deleteLedger(ledgerId);
  }

  listLedgers(startAfter: number, limit: number): { ledgerIds: number[]; more: boolean } {
    return this.store.listLedgers(startAfter, Math.min(limit || 1000, 10_000));
  }

  /** Why an entry from a caller cannot be stored, or undefined when it is fine. */
  private refuse(entry: OutgoingEntry): Pick<AddResult, 'status' | 'message'> | undefined {
    try {
      checkLedgerId(entry.ledgerId);
      checkEntryId(entry.entryId);
    } catch (error) {
      return { status: 'ADD_INVALID', message: (error as Error).message };
    }
    if (!Number.isSafeInteger(entry.lac) || entry.lac < -1 || entry.lac >= entry.entryId) {
      return {
        status: 'ADD_INVALID',
        message: `LAC ${entry.lac} must be at least -1 and below the entry id ${entry.entryId}`,
      };
    }
    if (entry.payload.byteLength > this.maxEntryBytes) {
      return {
        status: 'ADD_TOO_LARGE',
        message: `entry is ${entry.payload.byteLength} bytes; the limit is ${this.maxEntryBytes}`,
      };
    }
    if (crc32c(entry.payload as Buffer) >>> 0 !== entry.crc32c >>> 0) {
      return { status: 'ADD_CHECKSUM_MISMATCH', message: 'payload does not match its CRC32C' };
    }
    return undefined;
  }
}
