import {
  AckPolicy,
  connect,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import type {
  BenchPublisher,
  BenchSubscriber,
  BenchSystem,
  BenchSystemFactory,
} from './bench-system.js';
import { startNatsServers, type NatsServers } from './nats-servers.js';

export interface NatsJetStreamOptions {
  replicas: 1 | 3;
}

/**
 * nats-server 2.9 has no `sync_interval` setting: its file store writes each message to the OS
 * (page cache) before the PubAck and fsyncs on a fixed 2-minute timer (`defaultSyncInterval`;
 * docs.nats.io, "Syncing data to disk"). R3 adds a Raft quorum before the ack, still unsynced.
 */
const durability = {
  1: 'file storage, R1: acked once written to the OS page cache of one server, not fsynced; fsync every 2 min (nats-server 2.9 fixed default)',
  3: 'file storage, R3: acked after a Raft quorum (2 of 3 servers) has stored it in the OS page cache, not fsynced; fsync every 2 min (nats-server 2.9 fixed default)',
} as const;

/** A PubAck that has not come back in this long fails the publish (the client's default is 5 s,
 * which a saturated 2-core machine can exceed while every message is in fact stored). */
const requestTimeoutMs = 30_000;

/** Consumers are created with this until a subscriber sets its own window. */
const defaultMaxAckPending = 10_000;

/** A JetStream system that also tells its server pids, so a test can check none outlives it. */
export interface JetStreamBenchSystem extends BenchSystem {
  readonly pids: number[];
}

export interface JetStreamFactory extends BenchSystemFactory {
  start(): Promise<JetStreamBenchSystem>;
}

export function natsJetStream(options: NatsJetStreamOptions): JetStreamFactory {
  const name = options.replicas === 1 ? 'jetstream' : 'jetstream-r3';
  return { name, start: () => startJetStream(name, options) };
}

async function startJetStream(
  name: string,
  options: NatsJetStreamOptions,
): Promise<JetStreamBenchSystem> {
  const servers = await startNatsServers({ servers: options.replicas });
  const connections: NatsConnection[] = [];
  try {
    /*
     * Two connections for the whole system, one for every publisher and one for every subscriber,
     * rather than one per client: Strata's SDK multiplexes all its topics over one channel too,
     * W7's 1,000 publishers would otherwise be 1,000 sockets on a 2-core machine, and the client
     * is single-threaded, so more sockets would add no client-side parallelism. Keeping publishing
     * and acking apart does let the server read the two on separate goroutines, as it would for a
     * real producer process and a real consumer process.
     */
    const open = async (role: string) => {
      const nc = await connect({
        servers: servers.urls,
        name: `strata-bench-${role}`,
        timeout: requestTimeoutMs,
      });
      connections.push(nc);
      return nc;
    };
    const publishing = await open('publishers');
    const subscribing = await open('subscribers');
    const jsm = await publishing.jetstreamManager({ timeout: requestTimeoutMs });
    const js = publishing.jetstream({ timeout: requestTimeoutMs });
    const subJs = subscribing.jetstream({ timeout: requestTimeoutMs });
    const version = publishing.info?.version ?? 'unknown';
    return new JetStreamSystem(name, options.replicas, version, servers, connections, {
      jsm,
      js,
      subJs,
    });
  } catch (error) {
    await Promise.allSettled(connections.map((nc) => nc.close()));
    await servers.stop();
    throw error;
  }
}

interface Clients {
  /** Stream and consumer admin, on the publishers' connection. */
  jsm: JetStreamManager;
  js: JetStreamClient;
  subJs: JetStreamClient;
}

class JetStreamSystem implements JetStreamBenchSystem {
  readonly durability: string;
  private readonly subscribers = new Set<BenchSubscriber>();

  constructor(
    readonly name: string,
    private readonly replicas: 1 | 3,
    readonly version: string,
    private readonly servers: NatsServers,
    private readonly connections: NatsConnection[],
    private readonly clients: Clients,
  ) {
    this.durability = durability[replicas];
  }

  get pids(): number[] {
    return this.servers.pids;
  }

  async createTopic(topic: string, subscriptions: string[]): Promise<void> {
    checkSubject(topic);
    const stream = natsName(topic);
    const { jsm } = this.clients;
    await jsm.streams.add({
      name: stream,
      subjects: [topic],
      storage: StorageType.File,
      num_replicas: this.replicas,
      // Limits retention with no limits: every consumer sees every message, none is dropped.
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_msgs: -1,
      max_bytes: -1,
      max_age: 0,
      max_msgs_per_subject: -1,
    });
    for (const subscription of subscriptions) {
      await jsm.consumers.add(stream, {
        durable_name: natsName(subscription),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_ack_pending: defaultMaxAckPending,
      });
    }
  }

  async publisher(topic: string): Promise<BenchPublisher> {
    checkSubject(topic);
    const { js } = this.clients;
    return {
      publish: async (payload) => {
        await js.publish(topic, payload);
      },
      // The connection is shared and writes its buffer out by itself on the next tick.
      close: async () => undefined,
    };
  }

  async subscribe(
    topic: string,
    subscription: string,
    onMessage: (payload: Uint8Array) => void,
    window: number,
  ): Promise<BenchSubscriber> {
    const stream = natsName(topic);
    const durable = natsName(subscription);
    // The server stops delivering at max_ack_pending, which makes `window` a hard bound.
    await this.clients.jsm.consumers.update(stream, durable, { max_ack_pending: window });
    const consumer = await this.clients.subJs.consumers.get(stream, durable);
    const messages = await consumer.consume({
      max_messages: window,
      // A callback rather than the async iterator: onMessage is synchronous, and this skips a
      // promise per message.
      callback: (m) => {
        onMessage(m.data);
        m.ack();
      },
    });
    const subscriber: BenchSubscriber = {
      close: async () => {
        this.subscribers.delete(subscriber);
        const error = await messages.close();
        if (error) throw error;
      },
    };
    this.subscribers.add(subscriber);
    return subscriber;
  }

  async stop(): Promise<void> {
    try {
      await Promise.allSettled([...this.subscribers].map((s) => s.close()));
      await Promise.allSettled(this.connections.map((nc) => nc.close()));
    } finally {
      await this.servers.stop();
    }
  }
}

/**
 * Stream and consumer names may not hold `.`, `*`, `>`, whitespace or path separators. Every other
 * character than a letter, digit or `-` becomes `_<hex code>_`, so that two topics (`a.b`, `a_b`)
 * never share a stream, nor two subscriptions a consumer, which would split their messages.
 */
function natsName(name: string): string {
  return name.replace(/[^A-Za-z0-9-]/gu, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`);
}

/** The topic is used as the subject as it is, so it must be a literal NATS subject. */
function checkSubject(topic: string): void {
  if (!/^[^\s.*>]+(\.[^\s.*>]+)*$/.test(topic)) {
    throw new Error(`topic ${JSON.stringify(topic)} is not a literal NATS subject`);
  }
}
