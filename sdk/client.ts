import { ConnectionPool } from './connection-pool.js';
import { Consumer, type SubscribeOptions } from './consumer.js';
import { Producer, type ProducerOptions } from './producer.js';

export interface ClientOptions {
  /**
   * Gateways to ask for lookups, `host:port[,host:port…]` (optionally `strata://` first): any one
   * answers for every topic; listing several keeps lookups working while one is down.
   */
  serviceUrl: string;
}

/** Strata's TypeScript client: producers and consumers over one set of gateway connections. */
export class StrataClient {
  private readonly pool: ConnectionPool;
  private readonly open = new Set<Producer | Consumer>();

  constructor(options: ClientOptions) {
    const addresses = options.serviceUrl
      .replace(/^strata:\/\//, '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a.length > 0);
    this.pool = new ConnectionPool(addresses);
  }

  async createProducer(options: ProducerOptions): Promise<Producer> {
    const producer = new Producer(this.pool, options);
    await producer.start();
    this.open.add(producer);
    return producer;
  }

  async subscribe(options: SubscribeOptions): Promise<Consumer> {
    const consumer = new Consumer(this.pool, options);
    await consumer.start();
    this.open.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((o) => o.close()));
    this.open.clear();
    this.pool.close();
  }
}

export function createClient(options: ClientOptions): StrataClient {
  return new StrataClient(options);
}
