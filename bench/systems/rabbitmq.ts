import { connect } from 'amqplib';
import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';
import type {
  BenchPublisher,
  BenchSubscriber,
  BenchSystem,
  BenchSystemFactory,
} from './bench-system.js';
import { startRabbitMqServers } from './rabbitmq-servers.js';
import type { RabbitMqServers } from './rabbitmq-servers.js';

/**
 * RabbitMQ has a hard channel limit per connection (2047 by default); past this many a new
 * connection is opened, so W7's 1,000 publishers still fit in one.
 */
const CHANNELS_PER_CONNECTION = 1_000;

/**
 * RabbitMQ as a benchmark peer: per topic a durable fanout exchange, per subscription a durable
 * quorum queue bound to it; publishes with publisher confirms, consumes with manual acks.
 *
 * With 3 nodes every client connects to node 1. RabbitMQ places each quorum queue's leader with its
 * default locator (`client-local` in 3.10): on node 1, the node that declared it, with followers on
 * nodes 2 and 3, so a confirm waits for the leader's fsync and one follower's, over loopback.
 */
export function rabbitMq(options: { nodes: 1 | 3 }): BenchSystemFactory {
  const name = options.nodes === 1 ? 'rabbitmq' : 'rabbitmq-3';
  return {
    name,
    async start() {
      const servers = await startRabbitMqServers(options);
      try {
        return await open(name, options.nodes, servers);
      } catch (error) {
        await servers.stop();
        throw error;
      }
    },
  };
}

async function open(name: string, nodes: 1 | 3, servers: RabbitMqServers): Promise<BenchSystem> {
  const node = servers.nodes[0];
  if (!node) throw new Error('no RabbitMQ node');
  const url = `amqp://guest:guest@127.0.0.1:${node.amqpPort}`;
  const connections: ChannelModel[] = [];
  const newConnection = async (): Promise<ChannelModel> => {
    const connection = await connect(url);
    // A connection error also closes it; the channels on it reject what they hold.
    connection.on('error', () => {});
    connections.push(connection);
    return connection;
  };
  // Publishers and consumers get separate connections: RabbitMQ's flow control blocks a publishing
  // connection, and must not hold back the acks of consumers sharing it.
  const pool = (): (() => Promise<ChannelModel>) => {
    let current: Promise<ChannelModel> | undefined;
    let channels = 0;
    return () => {
      if (!current || channels >= CHANNELS_PER_CONNECTION) {
        const opening = newConnection();
        // A failed connect is not kept: the next channel tries again.
        opening.catch(() => {
          if (current === opening) current = undefined;
        });
        current = opening;
        channels = 0;
      }
      channels++;
      return current;
    };
  };
  const publishing = pool();
  const consuming = pool();
  const admin = await newConnection();

  const majority = `${Math.floor(nodes / 2) + 1} of ${nodes}`;
  return {
    name,
    version: admin.connection.serverProperties.version,
    durability:
      'durable quorum queue per subscription, persistent messages, publisher confirms: confirmed ' +
      `once the Raft log entry is written and fdatasync'ed by a majority of its replicas (${majority}) ` +
      'in every queue it is routed to',

    async createTopic(topic, subscriptions) {
      const channel = await admin.createChannel();
      try {
        await channel.assertExchange(topic, 'fanout', { durable: true });
        // A fanout exchange with no queue bound drops what it is sent and still confirms it: a topic
        // without subscriptions gets one queue, so what it confirms is stored, as in the others.
        const queues = subscriptions.length > 0 ? subscriptions : [RETAINING_QUEUE];
        for (const subscription of queues) {
          const queue = queueName(topic, subscription);
          await channel.assertQueue(queue, {
            durable: true,
            arguments: { 'x-queue-type': 'quorum', 'x-quorum-initial-group-size': nodes },
          });
          await channel.bindQueue(queue, topic, '');
        }
      } finally {
        await channel.close();
      }
    },

    async publisher(topic) {
      // One channel per publisher on a shared connection: channels are cheap in RabbitMQ, while
      // 1,000 connections would cost 1,000 sockets and reader processes on both sides.
      const channel = await (await publishing()).createConfirmChannel();
      return confirmPublisher(channel, topic);
    },

    async subscribe(topic, subscription, onMessage, window) {
      const channel = await (await consuming()).createChannel();
      // An unheard 'error' would crash the process; the channel closes with it and the workload
      // sees its messages stop.
      channel.on('error', () => {});
      await channel.prefetch(window);
      const { consumerTag } = await channel.consume(
        queueName(topic, subscription),
        (message) => {
          if (!message) return; // the server cancelled the consumer
          onMessage(message.content);
          channel.ack(message);
        },
        { noAck: false },
      );
      return {
        async close() {
          await closeQuietly(channel, () => channel.cancel(consumerTag));
        },
      } satisfies BenchSubscriber;
    },

    async stop() {
      await Promise.allSettled(connections.map((connection) => connection.close()));
      await servers.stop();
    },
  };
}

/** The queue of a topic created without subscriptions. */
const RETAINING_QUEUE = 'retained';

function queueName(topic: string, subscription: string): string {
  return `${topic}.${subscription}`;
}

/**
 * Publishes in order on a confirm channel, holding further writes while amqplib's buffer is full
 * (`publish` returned false) until the channel drains.
 */
function confirmPublisher(channel: ConfirmChannel, exchange: string): BenchPublisher {
  type Pending = { content: Buffer; resolve: () => void; reject: (error: unknown) => void };
  const waiting: Pending[] = [];
  let blocked = false;
  let closedWith: Error | undefined;

  const send = ({ content, resolve, reject }: Pending): boolean => {
    try {
      return channel.publish(exchange, '', content, { persistent: true }, (error: unknown) =>
        error ? reject(error) : resolve(),
      );
    } catch (error) {
      reject(error);
      return true;
    }
  };
  const failAll = (error: Error) => {
    closedWith ??= error;
    for (const pending of waiting.splice(0)) pending.reject(error);
  };
  channel.on('drain', () => {
    blocked = false;
    while (!blocked && waiting.length > 0) blocked = !send(waiting.shift() as Pending);
  });
  channel.on('error', (error: Error) => failAll(error));
  channel.on('close', () => failAll(new Error('RabbitMQ channel closed')));

  return {
    publish(payload) {
      return new Promise<void>((resolve, reject) => {
        if (closedWith) return reject(closedWith);
        const content = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
        const pending = { content, resolve, reject };
        if (blocked) waiting.push(pending);
        else blocked = !send(pending);
      });
    },
    async close() {
      await closeQuietly(channel, () => channel.waitForConfirms());
    },
  };
}

/** Runs `before` then closes, ignoring a channel (or connection) that is already closed. */
async function closeQuietly(channel: Channel, before: () => Promise<unknown>): Promise<void> {
  try {
    await before();
  } catch {
    // the channel is gone already, or its outstanding publishes failed and were reported
  }
  try {
    await channel.close();
  } catch {
    // already closed
  }
}
