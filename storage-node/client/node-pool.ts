import { UnavailableError } from '../../services/common/errors.js';
import type { StorageNodeApi } from '../storage-node-api.js';
import { GrpcNodeConnection } from './grpc-node-connection.js';
import type { NodeRegistry } from './node-registry.js';

/**
 * How the client reaches each node: directly for nodes in this process, otherwise one gRPC
 * connection per node, following the node to a new address when it re-registers.
 */
export class NodePool {
  private readonly connections = new Map<string, GrpcNodeConnection>();

  constructor(
    readonly registry: NodeRegistry,
    private readonly requestTimeoutMs: number,
    private readonly localNodes: ReadonlyMap<string, StorageNodeApi> = new Map(),
  ) {}

  /** The way to a node; throws UnavailableError when the node is neither local nor registered. */
  get(nodeId: string): StorageNodeApi {
    const local = this.localNodes.get(nodeId);
    if (local) return local;
    const registration = this.registry.get(nodeId);
    const existing = this.connections.get(nodeId);
    if (!registration) {
      if (existing) return existing;
      throw new UnavailableError(`storage node ${nodeId} is not registered`);
    }
    if (existing && existing.address === registration.address) return existing;
    existing?.close();
    const connection = new GrpcNodeConnection(nodeId, registration.address, this.requestTimeoutMs);
    this.connections.set(nodeId, connection);
    return connection;
  }

  close(): void {
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
  }
}
