import type { ServerWritableStream } from '@grpc/grpc-js';
import type { MetadataHandlers } from '../../../proto/generated/strata/metadata/v1/Metadata.js';
import type { WatchRequest__Output } from '../../../proto/generated/strata/metadata/v1/WatchRequest.js';
import type { WatchResponse } from '../../../proto/generated/strata/metadata/v1/WatchResponse.js';
import { InvalidArgumentError } from '../../common/errors.js';
import { toServiceError } from '../../common/grpc-errors.js';
import { unaryHandler } from '../../common/grpc-server.js';
import type { Logger } from '../../common/logger.js';
import { toWatchEvent, type MetadataEngine } from '../engine/metadata-engine.js';
import { expectFromWire, kvToWire, leaseFromWire, txnFromWire, watchEventToWire } from '../wire.js';

/** A wire lease id of 0 means "none"; where a lease is required it is a client error. */
function requireLease(lease: number): string {
  const id = leaseFromWire(lease);
  if (id === undefined) throw new InvalidArgumentError('lease id is required');
  return id;
}

/**
 * The gRPC face of the engine. Requests are validated by the engine itself, so the checks are the
 * same for in-process and remote callers; every failure becomes a status with a Strata code.
 */
export function createMetadataHandlers(engine: MetadataEngine, logger: Logger): MetadataHandlers {
  const unary = unaryHandler(logger, 'metadata');

  return {
    Get: unary('Get', async ({ key }) => {
      const kv = await engine.get(key);
      return { kv: kv ? kvToWire(kv) : null, revision: engine.revision };
    }),

    Put: unary('Put', async ({ key, value, expect, lease }) => {
      const options: { expectedVersion?: number; leaseId?: string } = {};
      const expectedVersion = expectFromWire(expect);
      if (expectedVersion !== undefined) options.expectedVersion = expectedVersion;
      const leaseId = leaseFromWire(lease);
      if (leaseId !== undefined) options.leaseId = leaseId;
      return engine.put(key, value, options);
    }),

    Delete: unary('Delete', async ({ key, expect }) => {
      const expectedVersion = expectFromWire(expect);
      return engine.delete(key, expectedVersion === undefined ? {} : { expectedVersion });
    }),

    List: unary('List', async ({ prefix, startAfter, limit }) => {
      const page = await engine.list(prefix, { startAfter: startAfter || undefined, limit });
      return { kvs: page.items.map(kvToWire), more: page.more, revision: page.revision };
    }),

    Txn: unary('Txn', async (request) => engine.txn(txnFromWire(request))),

    LeaseGrant: unary('LeaseGrant', async ({ ttlMs }) => {
      const lease = await engine.grantLease(ttlMs);
      return { lease: Number(lease.id), ttlMs: lease.ttlMs };
    }),

    LeaseKeepAlive: unary('LeaseKeepAlive', ({ lease }) => engine.keepAlive(requireLease(lease))),

    LeaseRevoke: unary('LeaseRevoke', async ({ lease }) => {
      await engine.revokeLease(requireLease(lease));
      return { revision: engine.revision };
    }),

    Watch: (call: ServerWritableStream<WatchRequest__Output, WatchResponse>) => {
      const { prefix, fromRevision } = call.request;
      let cancel = () => {};
      const fail = (error: unknown) => {
        cancel();
        if (!call.writableEnded) call.emit('error', toServiceError(error));
      };
      try {
        const subscription = engine.subscribe(prefix, fromRevision || undefined, {
          deliver: (revision, events) => {
            call.write({
              revision,
              events: events.map((event) => watchEventToWire(toWatchEvent(event, revision))),
            });
          },
          // Messages grpc has not yet sent: a watcher that stops reading is cut off, not buffered
          // without bound; it resumes from its last revision.
          pending: () => call.writableLength,
          end: (error) => (error === undefined ? call.end() : fail(error)),
        });
        cancel = subscription.cancel;
        call.write({ created: true, revision: subscription.startRevision });
      } catch (error) {
        fail(error);
        return;
      }
      call.on('cancelled', () => cancel());
      call.on('close', () => cancel());
    },
  };
}
