import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Server } from '@grpc/grpc-js';
import { bindServer, shutdownServer } from '../../services/common/grpc-server.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { LeasedRegistration } from '../../services/common/leased-registration.js';
import type { Logger } from '../../services/common/logger.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { MAX_STORAGE_MESSAGE_BYTES, registrationCodec, storageGrpc } from '../storage-grpc.js';
import { verifyClusterCookie } from './cluster-cookie.js';
import { DiskMonitor } from './disk-monitor.js';
import { EntryStore } from './entry-store.js';
import { checkGcInterval, LedgerGarbageCollector } from './ledger-garbage-collector.js';
import { loadNodeId } from './node-identity.js';
import { StorageNodeCore } from './storage-node-core.js';
import { createStorageHandlers } from './storage-service.js';

export interface StorageNodeOptions {
  host: string;
  port: number;
  /** host:port clients should use; defaults to host:bound port. */
  advertiseAddress?: string;
  dataDir: string;
  metadata: MetadataStore;
  logger: Logger;
  sync: boolean;
  maxEntryBytes: number;
  minFreeBytes: number;
  leaseTtlMs: number;
  groupCommitBytes?: number;
  groupCommitWaitMs?: number;
  /** Between passes of the collector of deleted ledgers' entries (0: never). */
  gcIntervalMs?: number;
}

/** BookKeeper waits 15 minutes between passes; a pass costs one metadata read per ledger held. */
export const DEFAULT_GC_INTERVAL_MS = 5 * 60_000;

export interface RunningStorageNode {
  nodeId: string;
  /** The node's operations for a ledger client in the same process (no loopback hop). */
  core: StorageNodeCore;
  address: string;
  port: number;
  close(): Promise<void>;
}

export async function startStorageNode(options: StorageNodeOptions): Promise<RunningStorageNode> {
  const { logger } = options;
  const gcIntervalMs = options.gcIntervalMs ?? DEFAULT_GC_INTERVAL_MS;
  checkGcInterval(gcIntervalMs);
  await mkdir(options.dataDir, { recursive: true });
  const nodeId = await loadNodeId(options.dataDir);
  await verifyClusterCookie(options.dataDir, options.metadata, logger);
  const store = await EntryStore.open({
    directory: join(options.dataDir, 'entry-log'),
    formerEntriesDirectory: join(options.dataDir, 'entries'),
    indexDirectory: join(options.dataDir, 'index'),
    stateDirectory: join(options.dataDir, 'ledgers'),
    logger,
    sync: options.sync,
    maxBatchBytes: options.groupCommitBytes,
    maxWaitMs: options.groupCommitWaitMs,
  });
  if (!options.sync)
    logger.warn('--sync none: entries are acknowledged before they reach the disk');

  const server = new Server({
    'grpc.max_receive_message_length': MAX_STORAGE_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_STORAGE_MESSAGE_BYTES,
  });
  const core = new StorageNodeCore(nodeId, store, logger, options.maxEntryBytes);
  server.addService(
    storageGrpc.StorageNode.service,
    createStorageHandlers(core, logger, { maxStreamPendingBytes: 32 * 1024 * 1024 }),
  );
  const port = await bindServer(server, options.host, options.port).catch(
    async (error: unknown) => {
      await store.close();
      throw error;
    },
  );
  const address = options.advertiseAddress ?? `${options.host}:${port}`;

  const startedAtMs = Date.now();
  const disk = new DiskMonitor(options.dataDir, options.minFreeBytes, (status) => {
    store.readOnly = status.readOnly;
    logger.warn(
      { freeBytes: status.freeBytes, readOnly: status.readOnly },
      'disk space changed the node mode',
    );
    void registration
      .update()
      .catch((error: unknown) => logger.error({ err: error }, 'registration update failed'));
  });
  // Registration is only how clients find the node: its data is durable whatever the lease does.
  const registration = new LeasedRegistration(
    options.metadata,
    clusterKeys.storageNode(nodeId),
    () => registrationCodec.encode({ nodeId, address, ...disk.current, startedAtMs }),
    options.leaseTtlMs,
    logger,
  );
  const diskStatus = await disk.start();
  store.readOnly = diskStatus.readOnly;
  await registration.start();
  const collector = new LedgerGarbageCollector(store, options.metadata, {
    intervalMs: gcIntervalMs,
    logger,
  });
  if (gcIntervalMs > 0) collector.start();
  logger.info(
    { nodeId, address, port, readOnly: diskStatus.readOnly, sync: options.sync },
    'storage node listening',
  );

  let closing: Promise<void> | undefined;
  return {
    nodeId,
    core,
    address,
    port,
    close: () =>
      (closing ??= (async () => {
        disk.stop();
        await collector.stop();
        await registration.stop();
        await shutdownServer(server);
        await store.close();
        logger.info({ nodeId }, 'storage node stopped');
      })()),
  };
}
