import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import {
  startGatewayProcess,
  startMetadataProcess,
  startStandaloneProcess,
  startStorageNodeProcess,
} from '../../deploy/local/strata-roles.js';
import { createAdmin, createClient, type StrataClient } from '../../sdk/index.js';
import type {
  BenchPublisher,
  BenchSubscriber,
  BenchSystem,
  BenchSystemFactory,
} from './bench-system.js';

const PACKAGE_VERSION = '0.1.0';

/** Strata standalone: metadata, one storage node and one gateway in one process, E1/Qw1/Qa1. */
export function strataStandalone(): BenchSystemFactory {
  return {
    name: 'strata',
    async start() {
      const dataDir = await mkdtemp(join(tmpdir(), 'strata-bench-'));
      const group = new ProcessGroup();
      try {
        const standalone = await startStandaloneProcess(group, { dataDir });
        return new StrataSystem(
          'strata',
          'standalone, E1/Qw1/Qa1: acked once the entry is in a LevelDB write batch synced to disk (fsync per group commit)',
          standalone.serviceUrl,
          group,
          dataDir,
        );
      } catch (error) {
        await group.stopAll();
        await rm(dataDir, { recursive: true, force: true });
        throw error;
      }
    },
  };
}

/** Strata as a cluster: 3 storage nodes, E3/Qw3/Qa2, 2 gateways, the embedded metadata service. */
export function strataCluster(): BenchSystemFactory {
  return {
    name: 'strata-cluster',
    async start() {
      const dataDir = await mkdtemp(join(tmpdir(), 'strata-bench-cluster-'));
      const group = new ProcessGroup();
      try {
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
        return new StrataSystem(
          'strata-cluster',
          '3 storage nodes, 2 gateways, E3/Qw3/Qa2: acked once 2 of the 3 nodes have synced the entry to disk',
          gateways.map((g) => g.address).join(','),
          group,
          dataDir,
        );
      } catch (error) {
        await group.stopAll();
        await rm(dataDir, { recursive: true, force: true });
        throw error;
      }
    },
  };
}

/** Strata through its TypeScript SDK, on the SDK's default batching (Pulsar's: 1 ms, 128 KB). */
class StrataSystem implements BenchSystem {
  readonly version = PACKAGE_VERSION;
  private readonly client: StrataClient;

  constructor(
    readonly name: string,
    readonly durability: string,
    private readonly serviceUrl: string,
    private readonly group: ProcessGroup,
    private readonly dataDir: string,
  ) {
    this.client = createClient({ serviceUrl });
  }

  async createTopic(topic: string): Promise<void> {
    // Subscriptions are made when they first subscribe, from the earliest message: on a new topic
    // that is every message, as with a subscription made beforehand.
    const admin = createAdmin({ serviceUrl: this.serviceUrl });
    try {
      await admin.createTopic(topic);
    } finally {
      admin.close();
    }
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
    const admin = createAdmin({ serviceUrl: this.serviceUrl });
    try {
      const stats = await admin.topicStats(topic);
      const entries = Number(stats.entries);
      return entries > 0 ? Number(stats.storageSizeBytes) / entries : undefined;
    } finally {
      admin.close();
    }
  }

  async stop(): Promise<void> {
    await this.client.close();
    await this.group.stopAll();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
