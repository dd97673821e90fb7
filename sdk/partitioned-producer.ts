import type { ConnectionPool } from './connection-pool.js';
import type { MessageId, OutgoingMessage } from './message.js';
import { partitionForKey } from './partition-router.js';
import { TopicProducer, type Producer, type ProducerOptions } from './producer.js';

/**
 * A producer of a partitioned topic: one producer per partition. A message with a key goes to the
 * key's partition, so per-key order holds across the topic; messages without a key go to one
 * partition a batch at a time, round-robin.
 */
export class PartitionedProducer implements Producer {
  private readonly partitions: TopicProducer[];
  /** Where messages without a key go now; moves on when that partition closes a batch. */
  private roundRobin = 0;

  constructor(
    pool: ConnectionPool,
    private readonly options: ProducerOptions,
    partitionTopics: string[],
  ) {
    this.partitions = partitionTopics.map(
      (topic, index) =>
        new TopicProducer(pool, { ...options, topic }, () => {
          if (index === this.roundRobin) this.roundRobin = (index + 1) % partitionTopics.length;
        }),
    );
  }

  get topic(): string {
    return this.options.topic;
  }

  get name(): string {
    return this.partitions[0]?.name ?? '';
  }

  async start(timeoutMs?: number): Promise<void> {
    try {
      await Promise.all(this.partitions.map((p) => p.start(timeoutMs)));
    } catch (error) {
      await this.close(0);
      throw error;
    }
  }

  send(message: OutgoingMessage): Promise<MessageId> {
    const index = message.key
      ? partitionForKey(message.key, this.partitions.length)
      : this.roundRobin;
    return (this.partitions[index] as TopicProducer).send(message);
  }

  async flush(): Promise<void> {
    await Promise.all(this.partitions.map((p) => p.flush()));
  }

  async close(timeoutMs?: number): Promise<void> {
    await Promise.all(this.partitions.map((p) => p.close(timeoutMs)));
  }
}
