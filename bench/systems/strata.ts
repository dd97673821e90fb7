import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { PACKAGE_ROOT } from '../../proto/load.js';
import {
  startGatewayProcess,
  startMetadataProcess,
  startStandaloneProcess,
  startStorageNodeProcess,
} from '../../deploy/local/strata-roles.js';
import { createAdmin, createClient, type StrataAdmin, type StrataClient } from '../../sdk/index.js';
import type {
  BenchPublisher,
  BenchSubscriber,
  BenchSystem,
  BenchSystemFactory,
} from './bench-system.js';

/** Strata's own version, as package.json gives it. */
async function strataVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * Starts processes in a temp dir and wraps them as a system; if anything fails on the way, every
 * process started so far is stopped and the dir removed.
 */
async function startInTempDir(
  prefix: string,
  start: (dataDir: string, group: ProcessGroup) => Promise<{ serviceUrl: string }>,
  describe: (
    serviceUrl: string,
    group: ProcessGroup,
    dataDir: string,
    version: string,
  ) => BenchSystem,
): Promise<BenchSystem> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const group = new ProcessGroup();
  try {
    const { serviceUrl } = await start(dataDir, group);
    return describe(serviceUrl, group, dataDir, await strataVersion());
  } catch (error) {
    await group.stopAll();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Strata standalone: metadata, one storage node and one gateway in one process, E1/Qw1/Qa1. */
export function strataStandalone(): BenchSystemFactory {
  return {
    name: 'strata',
    start: () =>
      startInTempDir(
        'strata-bench-',
        (dataDir, group) => startStandaloneProcess(group, { dataDir }),
        (serviceUrl, group, dataDir, version) =>
          new StrataSystem(
            'strata',
            "standalone, E1/Qw1/Qa1: acked once the entry is appended to the storage node's entry log and fdatasynced (one per group commit)",
            { serviceUrl, group, dataDir, version },
          ),
      ),
  };
}

/** Strata as a cluster: 3 storage nodes, E3/Qw3/Qa2, 2 gateways, the embedded metadata service. */
export function strataCluster(): BenchSystemFactory {
  return {
    name: 'strata-cluster',
    start: () =>
      startInTempDir(
        'strata-bench-cluster-',
        async (dataDir, group) => {
          const metadata = await startMetadataProcess(group, join(dataDir, 'metadata'));
          await Promise.all(
            [1, 2, 3].map((i) =>
              startStorageNodeProcess(group, {
                name: `storage-${i}`,
                dataDir: join(dataDir, `storage-${i}`),
                metadataUrl: metadata.url,
              }),
            ),
          );
          const quorum = ['--ensemble-size', '3', '--write-quorum', '3', '--ack-quorum', '2'];
          const gateways = await Promise.all(
            [1, 2].map((i) =>
              startGatewayProcess(group, {
                name: `gateway-${i}`,
                metadataUrl: metadata.url,
                args: quorum,
              }),
            ),
          );
          return { serviceUrl: gateways.map((g) => g.address).join(',') };
        },
        (serviceUrl, group, dataDir, version) =>
          new StrataSystem(
            'strata-cluster',
            '3 storage nodes, 2 gateways, E3/Qw3/Qa2: acked once 2 of the 3 nodes have synced the entry to disk',
            { serviceUrl, group, dataDir, version },
          ),
      ),
  };
}

/** Strata through its TypeScript SDK, on the SDK's default batching (Pulsar's: 1 ms, 128 KB). */
class StrataSystem implements BenchSystem {
  readonly version: string;
  private readonly client: StrataClient;
  /** One admin connection for the system's life: topics and stats are asked of it. */
  private readonly admin: StrataAdmin;

  constructor(
    readonly name: string,
    readonly durability: string,
    private readonly deployment: {
      serviceUrl: string;
      group: ProcessGroup;
      dataDir: string;
      version: string;
    },
  ) {
    this.version = deployment.version;
    this.client = createClient({ serviceUrl: deployment.serviceUrl });
    this.admin = createAdmin({ serviceUrl: deployment.serviceUrl });
  }

  async createTopic(topic: string): Promise<void> {
    // Subscriptions are made when they first subscribe, from the earliest message: on a new topic
    // that is every message, as with a subscription made beforehand.
    await this.admin.createTopic(topic);
  }

  async publisher(topic: string): Promise<BenchPublisher> {
    const producer = await this.client.createProducer({ topic });
    const ignore = () => undefined;
    return {
      publish: (payload) => producer.send({ payload }).then(ignore),
      close: () => producer.close(),
    };
  }

  async subscribe(
    topic: string,
    subscription: string,
    onMessage: (payload: Uint8Array) => void,
    window: number,
  ): Promise<BenchSubscriber> {
    const consumer = await this.client.subscribe({
      topic,
      subscription,
      type: 'exclusive',
      initialPosition: 'earliest',
      receiverQueueSize: window,
    });
    const loop = (async () => {
      for await (const message of consumer) {
        onMessage(message.payload);
        message.ack();
      }
    })();
    return {
      close: async () => {
        await consumer.close();
        await loop.catch(() => undefined);
      },
    };
  }

  /** The average stored entry (batch) size, for the storage ceiling at the same entry size. */
  async averageEntryBytes(topic: string): Promise<number | undefined> {
    const stats = await this.admin.topicStats(topic);
    const entries = Number(stats.entries);
    return entries > 0 ? Number(stats.storageSizeBytes) / entries : undefined;
  }

  async stop(): Promise<void> {
    this.admin.close();
    await this.client.close();
    await this.deployment.group.stopAll();
    await rm(this.deployment.dataDir, { recursive: true, force: true });
  }
}
