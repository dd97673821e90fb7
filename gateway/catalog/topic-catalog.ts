import type { Topic } from '../../proto/generated/strata/v1/Topic.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import {
  AlreadyExistsError,
  BadVersionError,
  InvalidArgumentError,
  NotFoundError,
  StrataError,
} from '../../services/common/errors.js';
import { listAll } from '../../services/metadata/list-all.js';
import {
  MUST_NOT_EXIST,
  type MetadataStore,
  type TxnCheck,
} from '../../services/metadata/metadata-store.js';
import { newManagedLedgerInfo } from '../managed-ledger/managed-ledger-store.js';
import {
  namespaceOf,
  parseNamespaceName,
  partitionedParent,
  topicPath,
  type TopicName,
} from '../topic-name.js';
import { partitionedTopicCodec } from './catalog-codecs.js';
import type { NamespaceCatalog } from './namespace-catalog.js';
import { status } from '@grpc/grpc-js';

/** More partitions than this is a mistake, not a design (Pulsar's default cap is 0 = none...). */
export const MAX_PARTITIONS = 1_024;

/** Clients used the partitioned topic's own name where one of its partitions was needed. */
export class PartitionedTopicError extends StrataError {
  constructor(topic: string, partitions: number) {
    super(
      'INVALID_ARGUMENT',
      status.INVALID_ARGUMENT,
      `topic ${topic} is partitioned (${partitions} partitions): produce to and consume from ${topic}-partition-<i> (the SDK does this by itself)`,
      false,
    );
  }
}

/**
 * Which topics a namespace holds: topics without partitions (their managed ledgers) and
 * partitioned topics (a partition count; each partition is a topic of its own, created on use).
 */
export class TopicCatalog {
  constructor(
    private readonly store: MetadataStore,
    private readonly namespaces: NamespaceCatalog,
  ) {}

  /** The topic's partition count; 0 when it is not partitioned. */
  async partitions(topic: TopicName): Promise<number> {
    const kv = await this.store.get(clusterKeys.partitionedTopic(topicPath(topic)));
    return kv ? partitionedTopicCodec.decode(kv.value).partitions : 0;
  }

  /** Whether the topic exists: a managed ledger, or a partitioned topic. */
  async get(topic: TopicName): Promise<Topic> {
    const partitions = await this.partitions(topic);
    if (partitions > 0) return { name: topic.full, partitions };
    if (await this.store.get(clusterKeys.topic(topicPath(topic))))
      return { name: topic.full, partitions: 0 };
    throw new NotFoundError(`topic ${topic.full} does not exist`);
  }

  /** Creates a topic: partitioned when `partitions` > 0. */
  async create(topic: TopicName, partitions: number): Promise<Topic> {
    if (!Number.isInteger(partitions) || partitions < 0 || partitions > MAX_PARTITIONS) {
      throw new InvalidArgumentError(
        `partitions must be between 0 and ${MAX_PARTITIONS}; got ${partitions}`,
      );
    }
    if (partitions > 0 && topic.partition !== undefined) {
      throw new InvalidArgumentError(
        `${topic.full} names a partition; a partitioned topic's name cannot end in -partition-<i>`,
      );
    }
    const path = topicPath(topic);
    const topicKey = clusterKeys.topic(path);
    const partitionedKey = clusterKeys.partitionedTopic(path);
    for (;;) {
      const { check } = await this.namespaces.forTopicCreation(namespaceOf(topic));
      const checks: TxnCheck[] = [check];
      // A name is either partitioned or not, never both.
      const ops =
        partitions > 0
          ? [
              {
                type: 'put' as const,
                key: partitionedKey,
                value: partitionedTopicCodec.encode({ partitions, createdAtMs: Date.now() }),
                expectedVersion: MUST_NOT_EXIST,
              },
            ]
          : [
              {
                type: 'put' as const,
                key: topicKey,
                value: newManagedLedgerInfo(),
                expectedVersion: MUST_NOT_EXIST,
              },
            ];
      checks.push({
        key: partitions > 0 ? topicKey : partitionedKey,
        expectedVersion: MUST_NOT_EXIST,
      });
      checks.push(...(await this.partitionChecks(topic)));
      try {
        await this.store.txn({ checks, ops });
        return { name: topic.full, partitions };
      } catch (error) {
        if (!(error instanceof BadVersionError)) throw error;
        if (error.key === topicKey || error.key === partitionedKey) {
          throw new AlreadyExistsError(`topic ${topic.full} already exists`);
        }
        // The namespace or the partitioned parent changed meanwhile: look again.
      }
    }
  }

  /**
   * The checks a topic created on first use must pass in the same transaction: its namespace
   * exists as it is now, its name is not a partitioned topic's, and a partition is within its
   * topic's count. Also the namespace's persistence policy for its ledgers.
   */
  async forAutoCreation(topic: TopicName, options: { beingDeleted?: boolean } = {}) {
    const { check, persistence } = await this.namespaces.forTopicCreation(namespaceOf(topic));
    const path = topicPath(topic);
    const partitioned = await this.partitions(topic);
    if (partitioned > 0) throw new PartitionedTopicError(topic.full, partitioned);
    const checks: TxnCheck[] = [
      check,
      { key: clusterKeys.partitionedTopic(path), expectedVersion: MUST_NOT_EXIST },
      ...(await this.partitionChecks(topic, options.beingDeleted)),
    ];
    return { checks, persistence };
  }

  /** The namespace's topics: partitioned ones by their own name, not their partitions'. */
  async list(namespaceName: string): Promise<Topic[]> {
    const { full } = parseNamespaceName(namespaceName);
    await this.namespaces.get(full);
    const partitioned = new Map<string, number>();
    const partitionedPrefix = clusterKeys.partitionedTopics(full);
    for await (const kv of listAll(this.store, partitionedPrefix)) {
      partitioned.set(
        kv.key.slice(partitionedPrefix.length),
        partitionedTopicCodec.decode(kv.value).partitions,
      );
    }
    const topics: Topic[] = [...partitioned].map(([local, partitions]) => ({
      name: `persistent://${full}/${local}`,
      partitions,
    }));
    const prefix = clusterKeys.topics(full);
    for await (const kv of listAll(this.store, prefix)) {
      const local = kv.key.slice(prefix.length);
      const match = /^(.*)-partition-(\d+)$/.exec(local);
      if (match && partitioned.has(match[1] as string)) continue;
      topics.push({ name: `persistent://${full}/${local}`, partitions: 0 });
    }
    return topics.sort((a, b) => ((a.name as string) < (b.name as string) ? -1 : 1));
  }

  /**
   * Marks a partitioned topic as being deleted: from then on none of its partitions is created on
   * use. Returns the partition count.
   */
  async markDeleting(topic: TopicName): Promise<number> {
    const key = clusterKeys.partitionedTopic(topicPath(topic));
    for (;;) {
      const kv = await this.store.get(key);
      if (!kv) throw new NotFoundError(`topic ${topic.full} does not exist`);
      const record = partitionedTopicCodec.decode(kv.value);
      if (record.deleting) return record.partitions;
      try {
        await this.store.put(key, partitionedTopicCodec.encode({ ...record, deleting: true }), {
          expectedVersion: kv.version,
        });
        return record.partitions;
      } catch (error) {
        if (!(error instanceof BadVersionError)) throw error;
      }
    }
  }

  /** Forgets a partitioned topic's partition count (its partitions are deleted first). */
  async deletePartitioned(topic: TopicName): Promise<void> {
    await this.store.delete(clusterKeys.partitionedTopic(topicPath(topic)));
  }

  /** For a partition of a partitioned topic: it must be within the count, which must not change. */
  private async partitionChecks(topic: TopicName, beingDeleted = false): Promise<TxnCheck[]> {
    const parent = partitionedParent(topic);
    if (!parent || topic.partition === undefined) return [];
    const key = clusterKeys.partitionedTopic(topicPath(parent));
    const kv = await this.store.get(key);
    // Names ending in -partition-<i> belong to partitioned topics (as in Pulsar): without its
    // topic, a partition is not created (a client of a deleted topic must not bring it back).
    if (!kv) {
      throw new NotFoundError(
        `${topic.full} names partition ${topic.partition} of ${parent.full}, which is not a partitioned topic`,
      );
    }
    const { partitions, deleting } = partitionedTopicCodec.decode(kv.value);
    // Only the delete itself may still load a partition of a topic being deleted.
    if (deleting && !beingDeleted) throw new NotFoundError(`${parent.full} is being deleted`);
    if (topic.partition >= partitions) {
      throw new NotFoundError(
        `${topic.full}: ${parent.full} has ${partitions} partitions (0 to ${partitions - 1})`,
      );
    }
    return [{ key, expectedVersion: kv.version }];
  }
}
