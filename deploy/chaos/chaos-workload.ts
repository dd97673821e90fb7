import {
  createClient,
  partitionForKey,
  type Producer,
  type StrataClient,
} from '../../sdk/index.js';
import { StrataError } from '../../services/common/errors.js';
import type {
  ReceivedMessage,
  SentMessage,
  SubscriptionInfo,
  SubscriptionType,
} from './history.js';

export interface WorkloadOptions {
  serviceUrl: string;
  /** Partitioned topics (full names), each with `partitions` partitions. */
  topics: string[];
  partitions: number;
  producersPerTopic: number;
  keysPerTopic: number;
  /** Messages per second per producer. */
  ratePerProducer: number;
  /** Most unanswered sends per producer. */
  window: number;
  subscriptions: Array<{ name: string; type: SubscriptionType; consumers: number }>;
  log: (line: string) => void;
}

const TICK_MS = 20;

/**
 * Producers and consumers for a chaos run, recording everything they see. Every message says who
 * sent it (a logical producer that outlives SDK producers it has to replace), its key and its
 * sequence number; consumers of Shared, Key_Shared and Failover subscriptions ack all they get.
 */
export class ChaosWorkload {
  readonly sent: SentMessage[] = [];
  readonly received: ReceivedMessage[] = [];
  private readonly client: StrataClient;
  private producing = true;
  private consuming = true;
  private readonly loops: Array<Promise<void>> = [];
  /** Per subscription, the messages received at least once (`topic|producer|key|seq`). */
  private readonly seen = new Map<string, Set<string>>();

  constructor(private readonly options: WorkloadOptions) {
    this.client = createClient({ serviceUrl: options.serviceUrl, operationTimeoutMs: 60_000 });
  }

  get subscriptions(): SubscriptionInfo[] {
    const topics = this.options.topics.flatMap((t) =>
      Array.from({ length: this.options.partitions }, (_, i) => `${t}-partition-${i}`),
    );
    return this.options.subscriptions.map((s) => ({ name: s.name, type: s.type, topics }));
  }

  /** Subscribes every consumer (from the earliest message), then starts the producers. */
  async start(): Promise<void> {
    for (const topic of this.options.topics) {
      for (const subscription of this.options.subscriptions) {
        this.seen.set(subscription.name, this.seen.get(subscription.name) ?? new Set());
        for (let i = 1; i <= subscription.consumers; i++) {
          this.loops.push(this.consume(topic, subscription.name, subscription.type, `c${i}`));
        }
      }
    }
    for (const topic of this.options.topics) {
      for (let i = 1; i <= this.options.producersPerTopic; i++) {
        this.loops.push(this.produce(topic, `${topic.split('/').pop() as string}-p${i}`));
      }
    }
  }

  /** Whether every acked message has been received by every subscription. */
  drained(): boolean {
    for (const message of this.sent) {
      // A send still in flight may yet be acked: closing the consumers before it is would report
      // as lost a message they were never given the time to receive.
      if (message.outcome === 'in-flight') return false;
      if (message.outcome !== 'acked') continue;
      const id = `${message.topic}|${message.producer}|${message.key}|${message.seq}`;
      for (const seen of this.seen.values()) if (!seen.has(id)) return false;
    }
    return true;
  }

  stopProducing(): void {
    this.producing = false;
  }

  async close(): Promise<void> {
    this.producing = false;
    this.consuming = false;
    await this.client.close();
    await Promise.all(this.loops);
  }

  private async produce(topic: string, name: string): Promise<void> {
    const keys = Array.from({ length: this.options.keysPerTopic }, (_, i) => `key-${i}`);
    let seq = 0;
    let outstanding = 0;
    let producer: Producer | undefined;
    let budget = 0;
    while (this.producing) {
      if (!producer) {
        producer = await this.client
          .createProducer({ topic, batching: { byKey: true, maxDelayMs: 5 } })
          .catch((error: unknown) => {
            this.options.log(`producer ${name}: ${(error as Error).message}; retrying`);
            return undefined;
          });
        if (!producer) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          continue;
        }
      }
      budget = Math.min(budget + (this.options.ratePerProducer * TICK_MS) / 1000, 100);
      while (budget >= 1 && outstanding < this.options.window && this.producing) {
        budget--;
        const key = keys[seq % keys.length] as string;
        const record: SentMessage = {
          producer: name,
          topic: `${topic}-partition-${partitionForKey(key, this.options.partitions)}`,
          key,
          seq,
          sentAtMs: Date.now(),
          outcome: 'in-flight',
        };
        this.sent.push(record);
        outstanding++;
        const current = producer;
        current.send({ payload: `${name}|${key}|${seq}`, key }).then(
          (id) => {
            outstanding--;
            record.outcome = 'acked';
            record.ackedAtMs = Date.now();
            record.id = { ...id };
          },
          (error: unknown) => {
            outstanding--;
            const failure =
              error instanceof StrataError
                ? { code: error.code, retriable: error.retriable }
                : { code: 'UNKNOWN', retriable: true };
            record.outcome = 'failed';
            record.failure = failure;
            // A producer that failed for good is replaced; its name lives on in the payloads.
            if (!failure.retriable && producer === current) {
              this.options.log(`producer ${name}: ${(error as Error).message}; replacing it`);
              producer = undefined;
              void current.close(0).catch(() => {});
            }
          },
        );
        seq++;
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await producer?.close(10_000).catch(() => {});
  }

  private async consume(
    topic: string,
    subscription: string,
    type: SubscriptionType,
    consumerName: string,
  ): Promise<void> {
    const seen = this.seen.get(subscription) as Set<string>;
    while (this.consuming) {
      try {
        const consumer = await this.client.subscribe({
          topic,
          subscription,
          type,
          consumerName,
          initialPosition: 'earliest',
        });
        for await (const message of consumer) {
          const [producer, key, seq] = message.payload.toString().split('|') as [
            string,
            string,
            string,
          ];
          const partitionTopic = `${topic}-partition-${message.id.partition}`;
          this.received.push({
            subscription,
            type,
            consumer: `${topic}/${consumerName}`,
            topic: partitionTopic,
            producer,
            key,
            seq: Number(seq),
            receivedAtMs: Date.now(),
            publishTimeMs: message.publishTimeMs,
            redeliveryCount: message.redeliveryCount,
            id: { ...message.id },
          });
          seen.add(`${partitionTopic}|${producer}|${key}|${seq}`);
          message.ack();
          if (!this.consuming) break;
        }
      } catch (error) {
        if (!this.consuming) return;
        this.options.log(
          `consumer ${subscription}/${consumerName} on ${topic}: ${(error as Error).message}; resubscribing`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }
}
