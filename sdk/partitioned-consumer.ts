import { AsyncQueue } from '../services/common/async-queue.js';
import type { ConnectionPool } from './connection-pool.js';
import { TopicConsumer, type Consumer, type SubscribeOptions } from './consumer.js';
import type { MessageId, ReceivedMessage } from './message.js';

interface Received {
  message: ReceivedMessage;
  from: TopicConsumer;
}

/**
 * A consumer of a partitioned topic: it subscribes to every partition and yields their messages
 * as they come, in order per partition (so per key). Each partition's consumer keeps its own
 * receiver queue, a share of the one asked for.
 */
export class PartitionedConsumer implements Consumer {
  private readonly queue = new AsyncQueue<Received>(() => void this.close());
  private readonly partitions: TopicConsumer[];
  private closed = false;

  constructor(
    pool: ConnectionPool,
    private readonly options: SubscribeOptions,
    partitionTopics: string[],
  ) {
    const share = Math.max(
      1,
      Math.ceil((options.receiverQueueSize ?? 1_000) / partitionTopics.length),
    );
    this.partitions = partitionTopics.map((topic) => {
      const consumer: TopicConsumer = new TopicConsumer(
        pool,
        { ...options, topic, receiverQueueSize: share },
        {
          push: (message) => this.queue.push({ message, from: consumer }),
          // One partition failing for good fails the whole consumer.
          end: (error) => {
            if (error === undefined || this.closed) return;
            this.queue.end(error);
            void this.close();
          },
        },
      );
      return consumer;
    });
  }

  get topic(): string {
    return this.options.topic;
  }

  get subscription(): string {
    return this.options.subscription;
  }

  async start(timeoutMs?: number): Promise<void> {
    try {
      await Promise.all(this.partitions.map((p) => p.start(timeoutMs)));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<ReceivedMessage> {
    return {
      next: async () => {
        for (;;) {
          const result = await this.queue.next();
          if (result.done) return { value: undefined, done: true };
          if (result.value.from.messageTaken(result.value.message)) {
            return { value: result.value.message, done: false };
          }
        }
      },
      return: async () => {
        await this.queue.return();
        return { value: undefined, done: true };
      },
    };
  }

  ackCumulative(id: MessageId): void {
    this.partitions[id.partition]?.ackCumulative(id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.partitions.map((p) => p.close()));
    this.queue.end();
  }
}
