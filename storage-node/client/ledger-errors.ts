import { status } from '@grpc/grpc-js';
import { StrataError, type StrataErrorOptions } from '../../services/common/errors.js';

export class LedgerNotFoundError extends StrataError {
  constructor(
    readonly ledgerId: number,
    options?: StrataErrorOptions,
  ) {
    super(
      'LEDGER_NOT_FOUND',
      status.NOT_FOUND,
      `ledger ${ledgerId} does not exist`,
      false,
      options,
    );
  }
}

/** The ledger was closed by its writer: no more appends. */
export class LedgerClosedError extends StrataError {
  constructor(
    readonly ledgerId: number,
    options?: StrataErrorOptions,
  ) {
    super(
      'LEDGER_CLOSED',
      status.FAILED_PRECONDITION,
      `ledger ${ledgerId} is closed`,
      false,
      options,
    );
  }
}

/** Another client recovered (fenced) the ledger: this writer has lost it for good. */
export class LedgerFencedError extends StrataError {
  constructor(
    readonly ledgerId: number,
    detail = 'it was fenced by a recovery',
    options?: StrataErrorOptions,
  ) {
    super(
      'LEDGER_FENCED',
      status.FAILED_PRECONDITION,
      `ledger ${ledgerId} can no longer be written: ${detail}`,
      false,
      options,
    );
  }
}

export class EntryTooLargeError extends StrataError {
  constructor(size: number, limit: number, options?: StrataErrorOptions) {
    super(
      'ENTRY_TOO_LARGE',
      status.INVALID_ARGUMENT,
      `entry is ${size} bytes; the limit is ${limit}`,
      false,
      options,
    );
  }
}

/** An append named an entry id other than the next one: a gap (or a repeat) in the ledger. */
export class EntryIdGapError extends StrataError {
  constructor(
    readonly ledgerId: number,
    readonly expected: number,
    readonly requested: number,
    options?: StrataErrorOptions,
  ) {
    super(
      'ENTRY_ID_GAP',
      status.OUT_OF_RANGE,
      `ledger ${ledgerId}: the next entry id is ${expected}, not ${requested}`,
      false,
      options,
    );
  }
}

/** No replica could return the entry (missing, corrupt or unreachable everywhere). */
export class EntryUnavailableError extends StrataError {
  constructor(ledgerId: number, entryId: number, reasons: string[], options?: StrataErrorOptions) {
    super(
      'ENTRY_UNAVAILABLE',
      status.UNAVAILABLE,
      `ledger ${ledgerId} entry ${entryId} could not be read from any replica (${reasons.join('; ')})`,
      true,
      options,
    );
  }
}

export class NotEnoughNodesError extends StrataError {
  constructor(needed: number, available: number, options?: StrataErrorOptions) {
    super(
      'NOT_ENOUGH_NODES',
      status.UNAVAILABLE,
      `need ${needed} writable storage nodes, ${available} available`,
      true,
      options,
    );
  }
}
