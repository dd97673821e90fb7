/**
 * What the benchmark harness needs of a message system, whichever it is: Strata, NATS JetStream or
 * RabbitMQ. Every workload is written once against this, so each system runs exactly the same
 * sends, windows and counts.
 */
export interface BenchSystem {
  /** Short column name in the report, e.g. `strata`, `jetstream`, `rabbitmq`. */
  readonly name: string;
  /**
   * When this system acks a publish, in one line for the report: durability differs between the
   * systems and the figures mean nothing without it.
   */
  readonly durability: string;
  /** The server's version, as it reports it. */
  readonly version: string;
  /**
   * Creates a topic (a stream, a queue) with these subscriptions, each of which will receive every
   * message published from now on. Called before any publish to the topic. With no subscriptions the
   * topic still stores what it acks, as a Strata topic or a JetStream stream does.
   */
  createTopic(topic: string, subscriptions: string[]): Promise<void>;
  /** A publisher of one topic. */
  publisher(topic: string): Promise<BenchPublisher>;
  /**
   * Consumes one subscription from its start, acknowledging every message after `onMessage`
   * returns. At most `window` messages are delivered ahead of their acks.
   */
  subscribe(
    topic: string,
    subscription: string,
    onMessage: (payload: Uint8Array) => void,
    window: number,
  ): Promise<BenchSubscriber>;
  /**
   * The average size of what the system stored per write for this topic, where it has such a unit
   * (Strata's entries): the storage ceiling is measured at that size.
   */
  averageEntryBytes?(topic: string): Promise<number | undefined>;
  /** Stops the system's servers and removes their data. */
  stop(): Promise<void>;
}

export interface BenchPublisher {
  /**
   * Publishes asynchronously: resolves once the system has acked the message as stored by its
   * durability settings (a receipt, a PubAck, a publisher confirm), rejects if it failed. The
   * caller keeps its own bounded window of unresolved publishes and never awaits each in turn.
   */
  publish(payload: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface BenchSubscriber {
  close(): Promise<void>;
}

/** Starts a system on free loopback ports with temp data dirs; `stop()` undoes all of it. */
export interface BenchSystemFactory {
  readonly name: string;
  start(): Promise<BenchSystem>;
}
