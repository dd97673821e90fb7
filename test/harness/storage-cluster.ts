import { join } from 'node:path';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { LedgerClient, type LedgerClientOptions } from '../../storage-node/client/ledger-client.js';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import {
  startMetadataProcess,
  startStorageNodeProcess,
  type MetadataProcess,
  type StorageNodeProcess,
} from '../../deploy/local/strata-roles.js';
import { makeTempDir } from './temp-dir.js';
import { waitFor } from './wait.js';

export interface StorageClusterOptions {
  nodes: number;
  /** Registration lease TTL: short, so a killed node leaves the registry quickly. */
  leaseTtlMs?: number;
  /** Extra flags per node index. */
  nodeArgs?: (index: number) => string[];
}

/**
 * A real cluster on loopback: one `strata metadata` process and N `strata storage-node` processes,
 * each with its own temp data dir. Nodes can be killed, stopped and restarted on their data.
 */
export class StorageCluster {
  readonly group = new ProcessGroup();
  readonly nodes: StorageNodeProcess[] = [];
  private readonly clients: Array<{ client: LedgerClient; metadata: MetadataStore }> = [];

  private constructor(
    readonly root: string,
    private readonly removeRoot: () => Promise<void>,
    readonly metadata: MetadataProcess,
    private readonly options: StorageClusterOptions,
  ) {}

  static async start(options: StorageClusterOptions): Promise<StorageCluster> {
    const root = await makeTempDir('storage-cluster');
    const group = new ProcessGroup();
    const metadata = await startMetadataProcess(group, join(root.path, 'metadata'));
    const cluster = new StorageCluster(root.path, root.remove, metadata, options);
    cluster.group.add(metadata.process);
    await Promise.all(Array.from({ length: options.nodes }, (_, i) => cluster.startNode(i)));
    return cluster;
  }

  get metadataUrl(): string {
    return this.metadata.url;
  }

  /** Starts (or restarts, on its data dir) node `index`. */
  async startNode(index: number): Promise<StorageNodeProcess> {
    const node = await startStorageNodeProcess(this.group, {
      name: `storage-node-${index}`,
      dataDir: join(this.root, `node-${index}`),
      metadataUrl: this.metadata.url,
      args: [
        '--lease-ttl-ms',
        String(this.options.leaseTtlMs ?? 3_000),
        '--min-free-bytes',
        '1MiB',
        ...(this.options.nodeArgs?.(index) ?? []),
      ],
    });
    this.nodes[index] = node;
    return node;
  }

  node(nodeId: string): StorageNodeProcess {
    const node = this.nodes.find((n) => n.nodeId === nodeId);
    if (!node) throw new Error(`no node ${nodeId} in this cluster`);
    return node;
  }

  indexOf(nodeId: string): number {
    return this.nodes.findIndex((n) => n.nodeId === nodeId);
  }

  /** A ledger client of its own (its own metadata connection), once it sees `expectNodes` nodes. */
  async client(
    options: Partial<LedgerClientOptions> = {},
    expectNodes = this.nodes.length,
  ): Promise<LedgerClient> {
    const metadata = await openMetadataStore(this.metadata.url);
    const client = await LedgerClient.create({ addTimeoutMs: 5_000, ...options, metadata });
    this.clients.push({ client, metadata });
    await waitFor(
      () => client.nodes.all().length >= expectNodes,
      `${expectNodes} registered storage nodes`,
    );
    return client;
  }

  async stop(): Promise<void> {
    for (const { client, metadata } of this.clients.splice(0)) {
      client.close();
      await metadata.close();
    }
    await this.group.stopAll();
    await this.removeRoot();
  }
}
