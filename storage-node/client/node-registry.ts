import type { StorageNodeRegistration__Output } from '../../proto/generated/strata/storage/v1/StorageNodeRegistration.js';
import { CompactedError } from '../../services/common/errors.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import type { Logger } from '../../services/common/logger.js';
import { sleep } from '../../services/common/retry.js';
import { listAll } from '../../services/metadata/list-all.js';
import type { MetadataStore, Watch } from '../../services/metadata/metadata-store.js';
import { registrationCodec } from '../storage-grpc.js';
import { NotEnoughNodesError } from './ledger-errors.js';

export type NodeRegistrationInfo = StorageNodeRegistration__Output;

/**
 * The live storage nodes, kept current by a watch on their registrations: where each node id can
 * be reached, and which take writes.
 */
export class NodeRegistry {
  private readonly nodes = new Map<string, NodeRegistrationInfo>();
  private watch: Watch | undefined;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly store: MetadataStore,
    private readonly logger: Logger | undefined,
  ) {}

  static async start(store: MetadataStore, logger?: Logger): Promise<NodeRegistry> {
    const registry = new NodeRegistry(store, logger);
    await registry.sync();
    return registry;
  }

  get(nodeId: string): NodeRegistrationInfo | undefined {
    return this.nodes.get(nodeId);
  }

  all(): NodeRegistrationInfo[] {
    return [...this.nodes.values()];
  }

  /** Called whenever a registration changes (a node came, went, moved or turned read-only). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * `count` distinct writable nodes outside `exclude`, drawn at random so ledgers spread over the
   * cluster rather than piling onto the first nodes.
   */
  choose(count: number, exclude: ReadonlySet<string> = new Set()): string[] {
    const candidates = this.all()
      .filter((n) => !n.readOnly && !exclude.has(n.nodeId))
      .map((n) => n.nodeId);
    if (candidates.length < count) throw new NotEnoughNodesError(count, candidates.length);
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [candidates[i], candidates[j]] = [candidates[j] as string, candidates[i] as string];
    }
    return candidates.slice(0, count);
  }

  close(): void {
    this.closed = true;
    this.watch?.close();
  }

  /** Lists the registrations, then follows changes from that revision; starts over if compacted. */
  private async sync(): Promise<void> {
    const page = await this.store.list(clusterKeys.storageNodes, { limit: 1 });
    const revision = page.revision;
    // Built aside and swapped in at once: the registry is never seen empty while it re-lists.
    const fresh = new Map<string, NodeRegistrationInfo>();
    for await (const kv of listAll(this.store, clusterKeys.storageNodes)) {
      this.set(kv.key, kv.value, fresh);
    }
    this.nodes.clear();
    for (const [id, registration] of fresh) this.nodes.set(id, registration);
    this.emit();
    this.watch = this.store.watch(clusterKeys.storageNodes, { fromRevision: revision + 1 });
    void this.follow(this.watch);
  }

  private async follow(watch: Watch): Promise<void> {
    try {
      for await (const event of watch) {
        if (event.type === 'put') this.set(event.kv.key, event.kv.value);
        else this.nodes.delete(event.key.slice(clusterKeys.storageNodes.length));
        this.emit();
      }
    } catch (error) {
      if (this.closed) return;
      this.logger?.warn({ err: error }, 'storage node watch failed; listing again');
      if (!(error instanceof CompactedError)) await sleep(500);
      while (!this.closed) {
        try {
          await this.sync();
          return;
        } catch (retryError) {
          this.logger?.warn({ err: retryError }, 'storage node listing failed; retrying');
          await sleep(1_000);
        }
      }
    }
  }

  private set(key: string, value: Buffer, into = this.nodes): void {
    try {
      const registration = registrationCodec.decode(value);
      into.set(registration.nodeId || key.slice(clusterKeys.storageNodes.length), registration);
    } catch (error) {
      this.logger?.warn({ err: error, key }, 'unreadable storage node registration');
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
