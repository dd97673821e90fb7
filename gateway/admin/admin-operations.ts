import type { TopicStats } from '../../proto/generated/strata/v1/TopicStats.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { NotFoundError, NotOwnerError } from '../../services/common/errors.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import type { NamespaceCatalog } from '../catalog/namespace-catalog.js';
import type { TenantCatalog } from '../catalog/tenant-catalog.js';
import type { TopicCatalog } from '../catalog/topic-catalog.js';
import type { TopicOwnership } from '../ownership/topic-ownership.js';
import { liveTopicStats, partitionedTopicStats, storedTopicStats } from '../stats/topic-stats.js';
import { parseTopicName, partitionName, topicPath, type TopicName } from '../topic-name.js';
import { TopicBusyError } from '../topics/topic-busy-error.js';
import type { TopicManager } from '../topics/topic-manager.js';
import type { OwnerForwarder } from './owner-forwarder.js';

export interface AdminContext {
  self: { gatewayId: string; address: string };
  metadata: MetadataStore;
  tenants: TenantCatalog;
  namespaces: NamespaceCatalog;
  catalog: TopicCatalog;
  topics: TopicManager;
  ownership: TopicOwnership;
  forwarder: OwnerForwarder;
}

/**
 * The admin operations that need more than one catalog call: deleting topics and gathering their
 * stats, partition by partition, each from the gateway that owns it. Both the gRPC service and
 * the HTTP routes use these. `forwarded` marks a request another gateway passed on: it is
 * answered here, never passed on again.
 */
export class AdminOperations {
  constructor(private readonly ctx: AdminContext) {}

  async deleteTopic(topic: string, force: boolean, forwarded: boolean): Promise<void> {
    const name = parseTopicName(topic);
    const partitions = await this.ctx.catalog.partitions(name);
    if (partitions === 0) {
      if (!(await this.exists(name))) throw new NotFoundError(`topic ${name.full} does not exist`);
      await this.deleteOne(name, force, forwarded);
      return;
    }
    const existing: TopicName[] = [];
    for (let i = 0; i < partitions; i++) {
      const partition = partitionName(name, i);
      if (await this.exists(partition)) existing.push(partition);
    }
    // Refused means nothing deleted: look at every partition before touching one.
    if (!force) {
      for (const partition of existing) {
        const stats = await this.statsOne(partition, forwarded);
        const consumers = (stats.subscriptions ?? []).reduce(
          (n, s) => n + (s.consumers?.length ?? 0),
          0,
        );
        const producers = stats.producers?.length ?? 0;
        if (producers > 0 || consumers > 0) {
          throw new TopicBusyError(partition.full, producers, consumers);
        }
      }
    }
    // From here no partition comes back on use, even for clients still connected. If a partition
    // fails to go, the marked topic is still there to delete again.
    await this.ctx.catalog.markDeleting(name);
    for (const partition of existing) await this.deleteOne(partition, true, forwarded);
    await this.ctx.catalog.deletePartitioned(name);
  }

  async topicStats(topic: string, forwarded: boolean): Promise<TopicStats> {
    const name = parseTopicName(topic);
    const partitions = await this.ctx.catalog.partitions(name);
    if (partitions === 0) return this.statsOne(name, forwarded);
    const each: TopicStats[] = [];
    for (let i = 0; i < partitions; i++) {
      const partition = partitionName(name, i);
      // A partition nobody has used yet has no ledger list: it is empty.
      each.push(
        (await this.exists(partition))
          ? await this.statsOne(partition, forwarded)
          : { topic: partition.full, owner: '' },
      );
    }
    return partitionedTopicStats(name.full, each);
  }

  private async exists(name: TopicName): Promise<boolean> {
    return (await this.ctx.metadata.get(clusterKeys.topic(topicPath(name)))) !== undefined;
  }

  private async deleteOne(name: TopicName, force: boolean, forwarded: boolean): Promise<void> {
    try {
      await this.ctx.topics.delete(name, force);
    } catch (error) {
      if (!(error instanceof NotOwnerError) || !error.ownerAddress || forwarded) throw error;
      await this.ctx.forwarder.deleteTopic(error.ownerAddress, name.full, force);
    }
  }

  private async statsOne(name: TopicName, forwarded: boolean): Promise<TopicStats> {
    const path = topicPath(name);
    const loaded = await this.ctx.topics.peek(path);
    if (loaded) return liveTopicStats(loaded, this.ctx.self.address, this.ctx.metadata);
    const owner = await this.ctx.ownership.owner(path);
    if (owner && owner.gatewayId !== this.ctx.self.gatewayId && !forwarded) {
      return this.ctx.forwarder.topicStats(owner.address, name.full);
    }
    const stored = await storedTopicStats(this.ctx.metadata, name);
    if (!stored) throw new NotFoundError(`topic ${name.full} does not exist`);
    return stored;
  }
}
