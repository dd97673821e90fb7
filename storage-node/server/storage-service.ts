import { once } from 'node:events';
import type { ServerDuplexStream, ServerWritableStream } from '@grpc/grpc-js';
import type { AddRequest__Output } from '../../proto/generated/strata/storage/v1/AddRequest.js';
import type { AddResponse } from '../../proto/generated/strata/storage/v1/AddResponse.js';
import type { ReadEntriesRequest__Output } from '../../proto/generated/strata/storage/v1/ReadEntriesRequest.js';
import type { ReadEntryResponse } from '../../proto/generated/strata/storage/v1/ReadEntryResponse.js';
import type { StorageNodeHandlers } from '../../proto/generated/strata/storage/v1/StorageNode.js';
import { toServiceError } from '../../services/common/grpc-errors.js';
import { unaryHandler } from '../../services/common/grpc-server.js';
import type { Logger } from '../../services/common/logger.js';
import type { StorageNodeCore } from './storage-node-core.js';

/** The gRPC face of a storage node: transport only, every rule lives in the core. */
export function createStorageHandlers(
  core: StorageNodeCore,
  logger: Logger,
  options: { maxStreamPendingBytes: number },
): StorageNodeHandlers {
  const unary = unaryHandler(logger, 'storage');

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
        const adds = request.entries.map((entry) =>
          core
            .add(entry, request.recovery)
            .then((result) => ({ ...result, requestId: entry.requestId })),
        );
        Promise.all(adds).then(
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

    ReadEntry: unary('ReadEntry', ({ ledgerId, entryId }) => core.readEntry(ledgerId, entryId)),

    ReadEntries: (call: ServerWritableStream<ReadEntriesRequest__Output, ReadEntryResponse>) => {
      const { ledgerId, firstEntryId, lastEntryId } = call.request;
      void (async () => {
        for await (const response of core.readEntries(ledgerId, firstEntryId, lastEntryId)) {
          if (call.cancelled || call.destroyed) return;
          // A client that cancels never drains: 'close' ends the wait (and the LevelDB iterator).
          if (!call.write(response)) await Promise.race([once(call, 'drain'), once(call, 'close')]);
        }
        call.end();
      })().catch((error: unknown) => {
        if (!call.writableEnded) call.emit('error', toServiceError(error));
      });
    },

    ReadLac: unary('ReadLac', ({ ledgerId }) => core.readLac(ledgerId)),
    Fence: unary('Fence', ({ ledgerId }) => core.fence(ledgerId)),
    DeleteLedger: unary('DeleteLedger', async ({ ledgerId }) => ({
      existed: await core.deleteLedger(ledgerId),
    })),
    ListLedgers: unary('ListLedgers', ({ startAfter, limit }) =>
      core.listLedgers(startAfter, limit),
    ),
  };
}
