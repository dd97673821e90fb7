import { UnavailableError } from '../../services/common/errors.js';
import { NodeConnection } from './node-connection.js';
import type { NodeRegistry } from './node-registry.js';

/** One connection per storage node, following the node to a new address when it re-registers. */
export class NodePool {
  private readonly connections = new Map<string, NodeConnection>();

  constructor(
    readonly registry: NodeRegistry,
    private readonly requestTimeoutMs: number,
  ) {}

  /** The connection to a node; throws UnavailableError when the node is not registered now. */
  get(nodeId: string): NodeConnection {
    const registration = this.registry.get(nodeId);
    const existing = this.connections.get(nodeId);
    if (!registration) {
      if (existing) return existing;
      throw new UnavailableError(`storage node ${nodeId} is not registered`);
    }
    if (existing && existing.address === registration.address) return existing;
    existing?.close();
    const connection = new NodeConnection(nodeId, registration.address, this.requestTimeoutMs);
    this.connections.set(nodeId, connection);
    return connection;
  }

  close(): void {
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
  }
}
