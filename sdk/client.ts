import { retry } from '../services/common/retry.js';
import { ConnectionPool } from './connection-pool.js';
import { TopicConsumer, type Consumer, type SubscribeOptions } from './consumer.js';
import { PartitionedConsumer } from './partitioned-consumer.js';
import { PartitionedProducer } from './partitioned-producer.js';
import { TopicProducer, type Producer, type ProducerOptions } from './producer.js';

export interface ClientOptions {
  /**
   * Gateways to ask for lookups, `host:port[,host:port…]` (optionally `strata://` first): any one
   * answers for every topic; listing several keeps lookups working while one is down.
   */
  serviceUrl: string;
  /**
   * How long creating a producer or consumer may take, retrying while gateways are unreachable
   * (Pulsar's operation timeout: 30 s).
   */
  operationTimeoutMs?: number;
}

/** Strata's TypeScript client: producers and consumers over one set of gateway connections. */
export class StrataClient {
  private readonly pool: ConnectionPool;
  private readonly open = new Set<Producer | Consumer>();
  private readonly operationTimeoutMs: number;

  constructor(options: ClientOptions) {
    const addresses = options.serviceUrl
      .replace(/^strata:\/\//, '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a.length > 0);
    this.pool = new ConnectionPool(addresses);
    this.operationTimeoutMs = options.operationTimeoutMs ?? 30_000;
  }

  /** A producer of the topic: of each of its partitions if it is partitioned. */
  async createProducer(options: ProducerOptions): Promise<Producer> {
    const deadline = Date.now() + this.operationTimeoutMs;
    const partitions = await this.partitionTopics(options.topic, deadline);
    const producer = partitions
      ? new PartitionedProducer(this.pool, options, partitions)
      : new TopicProducer(this.pool, options);
    await producer.start(Math.max(1, deadline - Date.now()));
    this.open.add(producer);
    return producer;
  }

  /** A consumer of the subscription: on every partition if the topic is partitioned. */
  async subscribe(options: SubscribeOptions): Promise<Consumer> {
    const deadline = Date.now() + this.operationTimeoutMs;
    const partitions = await this.partitionTopics(options.topic, deadline);
    const consumer = partitions
      ? new PartitionedConsumer(this.pool, options, partitions)
      : new TopicConsumer(this.pool, options);
    await consumer.start(Math.max(1, deadline - Date.now()));
    this.open.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((o) => o.close()));
    this.open.clear();
    this.pool.close();
  }

  /** The partitions' topic names of a partitioned topic; undefined for one without partitions. */
  private async partitionTopics(topic: string, deadline: number): Promise<string[] | undefined> {
    const answer = await retry(() => this.pool.partitions(topic), {
      retries: Infinity,
      deadline,
      maxDelayMs: 1_000,
      shouldRetry: (error) => (error as { retriable?: boolean }).retriable === true,
    });
    if (answer.partitions === 0) return undefined;
    return Array.from({ length: answer.partitions }, (_, i) => `${answer.topic}-partition-${i}`);
  }
}

export function createClient(options: ClientOptions): StrataClient {
  return new StrataClient(options);
}
