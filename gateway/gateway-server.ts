import { randomUUID } from 'node:crypto';
import { Server, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { clusterKeys } from '../services/common/cluster-keys.js';
import { bindServer, shutdownServer } from '../services/common/grpc-server.js';
import { LeasedRegistration } from '../services/common/leased-registration.js';
import type { Logger } from '../services/common/logger.js';
import { listAll } from '../services/metadata/list-all.js';
import type { MetadataStore } from '../services/metadata/metadata-store.js';
import { LedgerClient } from '../storage-node/client/ledger-client.js';
import type { StorageNodeApi } from '../storage-node/storage-node-api.js';
import type { ManagedLedgerConfig } from './managed-ledger/managed-ledger.js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { messagingDefinition } from '../proto/messaging.js';
import { gatewayRegistrationCodec, messagingGrpc } from './messaging-grpc.js';
import { TopicOwnership } from './ownership/topic-ownership.js';
import { createMessagingHandlers } from './service/messaging-service.js';
import { startGatewayHttp } from './http/gateway-http.js';
import { GatewayMetrics } from './http/gateway-metrics.js';
import { TopicManager } from './topics/topic-manager.js';
import { adminDefinition, adminGrpc } from '../proto/admin.js';
import { AdminOperations, type AdminContext } from './admin/admin-operations.js';
import { createAdminHandlers } from './admin/admin-grpc-handlers.js';
import { OwnerForwarder } from './admin/owner-forwarder.js';
import { initializeCluster } from './catalog/cluster-init.js';
import { NamespaceCatalog } from './catalog/namespace-catalog.js';
import { TenantCatalog } from './catalog/tenant-catalog.js';
import { TopicCatalog } from './catalog/topic-catalog.js';
import { adminRoutes } from './http/admin-routes.js';
import { DEFAULT_ENTRY_CACHE_BYTES, EntryCacheBudget } from './managed-ledger/entry-cache.js';

export interface GatewayOptions {
  host: string;
  port: number;
  /** HTTP port for metrics, health and admin (0 picks a free one). */
  httpPort: number;
  advertiseAddress?: string;
  gatewayId?: string;
  metadata: MetadataStore;
  logger: Logger;
  /** TTL of the gateway's lease: how long a dead gateway keeps its topics. */
  leaseTtlMs: number;
  ledger: ManagedLedgerConfig;
  maxMessageBytes: number;
  /** What the topics' caches of recent entries may hold together (default 128 MiB; 0: none). */
  entryCacheBytes?: number;
  /** Storage nodes in this process (standalone), reached by direct calls. */
  localNodes?: ReadonlyMap<string, StorageNodeApi>;
}

export interface RunningGateway {
  gatewayId: string;
  address: string;
  port: number;
  httpPort: number;
  close(): Promise<void>;
}

/**
 * A stateless gateway: it registers on a lease, owns topics through ownership keys on that lease,
 * and serves the messaging API. It keeps nothing durable of its own.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger, metadata } = options;
  const gatewayId = options.gatewayId ?? `gw-${randomUUID()}`;
  const server = new Server({
    'grpc.max_receive_message_length': 2 * options.maxMessageBytes + 1024 * 1024,
    // Notice clients that vanished (a half-open stream would keep an Exclusive consumer or a
    // producer name busy).
    'grpc.keepalive_time_ms': 10_000,
    'grpc.keepalive_timeout_ms': 5_000,
  });
  const port = await bindServer(server, options.host, options.port);
  const address = options.advertiseAddress ?? `${options.host}:${port}`;
  const startedAtMs = Date.now();
  let httpAddress = '';
  const ledgers = await LedgerClient.create({
    metadata,
    logger,
    maxEntryBytes: options.maxMessageBytes + 64 * 1024,
    localNodes: options.localNodes,
  });

  const registration: LeasedRegistration = new LeasedRegistration(
    metadata,
    clusterKeys.gateway(gatewayId),
    () =>
      gatewayRegistrationCodec.encode({
        gatewayId,
        address,
        httpAddress,
        ownedTopics: topics.loadedCount,
        startedAtMs,
      }),
    options.leaseTtlMs,
    logger,
  );
  const ownership = new TopicOwnership(
    metadata,
    { gatewayId, address },
    () => registration.lease,
    logger,
  );
  const tenants = new TenantCatalog(metadata);
  const namespaces = new NamespaceCatalog(metadata, tenants);
  const catalog = new TopicCatalog(metadata, namespaces);
  const topics: TopicManager = new TopicManager({
    ledgers,
    metadata,
    ownership,
    catalog,
    config: options.ledger,
    entryCache:
      options.entryCacheBytes === 0
        ? undefined
        : new EntryCacheBudget(options.entryCacheBytes ?? DEFAULT_ENTRY_CACHE_BYTES),
    logger,
    onChange: () => void registration.update().catch(() => {}),
  });
  // A lost lease took every ownership key with it: whatever is loaded is no longer ours.
  registration.on('leaseReplaced', () => void topics.unloadAll());
  await registration.start();
  await initializeCluster(metadata, logger);

  const metrics = new GatewayMetrics({ topics: () => ownership.ownedCount });
  const handlers = createMessagingHandlers({
    self: { gatewayId, address },
    topics,
    ownership,
    catalog,
    gateways: async () => {
      const live = [];
      for await (const kv of listAll(metadata, clusterKeys.gateways)) {
        live.push(gatewayRegistrationCodec.decode(kv.value));
      }
      return live;
    },
    maxMessageBytes: options.maxMessageBytes,
    nackDelayMs: 1_000,
    metrics,
    logger,
  });
  server.addService(
    messagingGrpc.Messaging.service,
    handlers as unknown as UntypedServiceImplementation,
  );
  // The standard health service and server reflection, so generic gRPC tools find their way.
  const health = new HealthImplementation({ '': 'SERVING', 'strata.v1.Messaging': 'SERVING' });
  health.addToServer(server);
  const forwarder = new OwnerForwarder();
  const adminContext: AdminContext = {
    self: { gatewayId, address },
    metadata,
    tenants,
    namespaces,
    catalog,
    topics,
    ownership,
    forwarder,
  };
  const adminOperations = new AdminOperations(adminContext);
  server.addService(
    adminGrpc.Admin.service,
    createAdminHandlers(
      adminContext,
      adminOperations,
      logger,
    ) as unknown as UntypedServiceImplementation,
  );
  health.setStatus('strata.v1.Admin', 'SERVING');
  new ReflectionService({ ...messagingDefinition, ...adminDefinition }).addToServer(server);
  const http = await startGatewayHttp(options.host, options.httpPort, {
    metrics,
    topics: () => ownership.ownedTopics(),
    routes: adminRoutes(adminContext, adminOperations),
    logger,
  });
  httpAddress = `${options.host}:${http.port}`;
  await registration.update();
  logger.info({ gatewayId, address, port, httpPort: http.port }, 'gateway listening');

  let closing: Promise<void> | undefined;
  return {
    gatewayId,
    address,
    port,
    httpPort: http.port,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => http.server.close(() => resolve()));
        health.setStatus('', 'NOT_SERVING');
        health.setStatus('strata.v1.Messaging', 'NOT_SERVING');
        health.setStatus('strata.v1.Admin', 'NOT_SERVING');
        await shutdownServer(server);
        await topics.unloadAll();
        await registration.stop();
        ledgers.close();
        forwarder.close();
        logger.info({ gatewayId }, 'gateway stopped');
      })()),
  };
}
