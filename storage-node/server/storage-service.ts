import { once } from 'node:events';
import type {
  sendUnaryData,
  ServerDuplexStream,
  ServerUnaryCall,
  ServerWritableStream,
  ServiceError,
} from '@grpc/grpc-js';
import { crc32c } from '@node-rs/crc32';
import type { AddRequest__Output } from '../../proto/generated/strata/storage/v1/AddRequest.js';
import type { AddResponse } from '../../proto/generated/strata/storage/v1/AddResponse.js';
import type { AddResult } from '../../proto/generated/strata/storage/v1/AddResult.js';
import type { Entry__Output } from '../../proto/generated/strata/storage/v1/Entry.js';
import type { ReadEntriesRequest__Output } from '../../proto/generated/strata/storage/v1/ReadEntriesRequest.js';
import type { ReadEntryResponse } from '../../proto/generated/strata/storage/v1/ReadEntryResponse.js';
import type { StorageNodeHandlers } from '../../proto/generated/strata/storage/v1/StorageNode.js';
import { InvalidArgumentError, StrataError } from '../../services/common/errors.js';
import { toServiceError } from '../../services/common/grpc-errors.js';
import type { Logger } from '../../services/common/logger.js';
import type { EntryStore, LedgerRecord, ReadOutcome } from './entry-store.js';

export interface StorageServiceOptions {
  maxEntryBytes: number;
  /** Bytes one add stream may have in flight before the node stops reading it. */
  maxStreamPendingBytes: number;
}

function checkLedgerId(ledgerId: number): void {
  if (!Number.isSafeInteger(ledgerId) || ledgerId <= 0) {
    throw new InvalidArgumentError(
      `malformed ledger id ${ledgerId}: must be a positive integer below 2^53`,
    );
  }
}

function checkEntryId(entryId: number, what = 'entry id'): void {
  if (!Number.isSafeInteger(entryId) || entryId < 0) {
    throw new InvalidArgumentError(
      `malformed ${what} ${entryId}: must be a non-negative integer below 2^53`,
    );
  }
}

const toState = (record: LedgerRecord) => ({
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
    return { status: 'READ_OK', entry: { ledgerId, entryId, lac, payload, crc32c: checksum } };
  }
  return {
    status: outcome.status === 'corrupt' ? 'READ_CORRUPT' : 'READ_NO_ENTRY',
    entry: { ledgerId, entryId },
  };
}

export function createStorageHandlers(
  store: EntryStore,
  logger: Logger,
  options: StorageServiceOptions,
): StorageNodeHandlers {
  /** Checks one entry from the wire; a reason to refuse it, or undefined when it is fine. */
  function refuse(entry: Entry__Output): AddResult | undefined {
    const base = { ledgerId: entry.ledgerId, entryId: entry.entryId };
    try {
      checkLedgerId(entry.ledgerId);
      checkEntryId(entry.entryId);
    } catch (error) {
      return { ...base, status: 'ADD_INVALID', message: (error as Error).message };
    }
    if (!Number.isSafeInteger(entry.lac) || entry.lac < -1 || entry.lac >= entry.entryId) {
      return {
        ...base,
        status: 'ADD_INVALID',
        message: `LAC ${entry.lac} must be at least -1 and below the entry id ${entry.entryId}`,
      };
    }
    if (entry.payload.byteLength > options.maxEntryBytes) {
      return {
        ...base,
        status: 'ADD_TOO_LARGE',
        message: `entry is ${entry.payload.byteLength} bytes; the limit is ${options.maxEntryBytes}`,
      };
    }
    if (crc32c(entry.payload) >>> 0 !== entry.crc32c >>> 0) {
      return {
        ...base,
        status: 'ADD_CHECKSUM_MISMATCH',
        message: 'payload does not match its CRC32C',
      };
    }
    return undefined;
  }

  async function addOne(entry: Entry__Output, recovery: boolean): Promise<AddResult> {
    const refused = refuse(entry);
    if (refused) return refused;
    const outcome = await store.add(entry, recovery);
    const base = { ledgerId: entry.ledgerId, entryId: entry.entryId };
    switch (outcome) {
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

  function unary<Req, Res>(name: string, handle: (request: Req) => Res | Promise<Res>) {
    return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
      Promise.resolve(call.request)
        .then(handle)
        .then(
          (response) => callback(null, response),
          (error: unknown) => {
            if (!(error instanceof StrataError) || error.code === 'INTERNAL') {
              logger.error({ err: error, method: name }, 'storage request failed');
            }
            callback(toServiceError(error) as ServiceError);
          },
        );
    };
  }

  return {
    AddEntries: (call: ServerDuplexStream<AddRequest__Output, AddResponse>) => {
      let inFlight = 0;
      let pendingBytes = 0;
      let ended = false;
      const finishIfDone = () => {
        if (ended && inFlight === 0 && !call.writableEnded) call.end();
      };
      call.on('data', (request: AddRequest__Output) => {
        const bytes = request.entries.reduce((sum, e) => sum + e.payload.byteLength, 0);
        inFlight++;
        pendingBytes += bytes;
        // Stop reading a stream that is far ahead of the disk; gRPC flow control then slows the
        // writer down instead of the node buffering without bound.
        if (pendingBytes > options.maxStreamPendingBytes) call.pause();
        Promise.all(request.entries.map((entry) => addOne(entry, request.recovery))).then(
          (results) => {
            inFlight--;
            pendingBytes -= bytes;
            if (pendingBytes <= options.maxStreamPendingBytes) call.resume();
            if (!call.writableEnded && !call.destroyed) call.write({ results });
            finishIfDone();
          },
          (error: unknown) => {
            logger.error({ err: error }, 'add failed unexpectedly');
            call.destroy(error as Error);
          },
        );
      });
      call.on('end', () => {
        ended = true;
        finishIfDone();
      });
      call.on('error', () => {});
    },

    ReadEntry: unary('ReadEntry', async ({ ledgerId, entryId }) => {
      checkLedgerId(ledgerId);
      checkEntryId(entryId);
      return toReadResponse(ledgerId, entryId, await store.read(ledgerId, entryId));
    }),

    ReadEntries: (call: ServerWritableStream<ReadEntriesRequest__Output, ReadEntryResponse>) => {
      const { ledgerId, firstEntryId, lastEntryId } = call.request;
      void (async () => {
        checkLedgerId(ledgerId);
        checkEntryId(firstEntryId, 'first entry id');
        checkEntryId(lastEntryId, 'last entry id');
        if (lastEntryId < firstEntryId) {
          throw new InvalidArgumentError(
            `empty range: last entry ${lastEntryId} is before first ${firstEntryId}`,
          );
        }
        for await (const { entryId, outcome } of store.readRange(
          ledgerId,
          firstEntryId,
          lastEntryId,
        )) {
          if (call.cancelled || call.destroyed) return;
          if (!call.write(toReadResponse(ledgerId, entryId, outcome))) await once(call, 'drain');
        }
        call.end();
      })().catch((error: unknown) => {
        if (!call.writableEnded) call.emit('error', toServiceError(error));
      });
    },

    ReadLac: unary('ReadLac', ({ ledgerId }) => {
      checkLedgerId(ledgerId);
      return toState(store.state(ledgerId));
    }),

    Fence: unary('Fence', async ({ ledgerId }) => {
      checkLedgerId(ledgerId);
      const state = await store.fence(ledgerId);
      logger.info({ ledgerId, lac: state.lac, lastEntryId: state.lastEntryId }, 'ledger fenced');
      return toState(state);
    }),

    DeleteLedger: unary('DeleteLedger', async ({ ledgerId }) => {
      checkLedgerId(ledgerId);
      return { existed: await store.deleteLedger(ledgerId) };
    }),

    ListLedgers: unary('ListLedgers', ({ startAfter, limit }) =>
      store.listLedgers(startAfter, Math.min(limit || 1000, 10_000)),
    ),
  };
}
