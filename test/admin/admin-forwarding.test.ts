import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../deploy/local/strata-roles.js';
import { ConnectionPool } from '../../sdk/connection-pool.js';
import { createAdmin, type StrataAdmin, type TopicStats } from '../../sdk/index.js';
import { failure } from '../harness/expect-failure.js';
import { messagingClient, RawConsumer, RawProducer } from '../harness/messaging-client.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

// Admin requests about a topic may go to any gateway: the one asked passes stats and deletes on to
// the topic's owner. Two gateway processes over one metadata service and one storage node.

let cluster: StorageCluster;
let a: GatewayProcess;
let b: GatewayProcess;
let adminA: StrataAdmin;
let adminB: StrataAdmin;
const closers: Array<() => void> = [];

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 1 });
  const start = (name: string) =>
    startGatewayProcess(cluster.group, {
      name,
      metadataUrl: cluster.metadataUrl,
      args: ['--lease-ttl-ms', '3000'],
    });
  a = await start('gateway-a');
  b = await start('gateway-b');
  adminA = createAdmin({ serviceUrl: a.address });
  adminB = createAdmin({ serviceUrl: b.address });
  closers.push(
    () => adminA.close(),
    () => adminB.close(),
  );
});

afterAll(async () => {
  try {
    for (const close of closers) close();
  } finally {
    await cluster?.stop();
  }
});

const uniqueTopic = (label: string) => `${label}-${Date.now().toString(36)}`;

/** The owner a lookup at gateway B reports. */
async function ownerSeenByB(topic: string): Promise<string> {
  const pool = new ConnectionPool([b.address]);
  try {
    return (await pool.lookup(topic)).owner;
  } finally {
    pool.close();
  }
}

it('the gateways are two processes with their own addresses', () => {
  expect(a.address).not.toBe(b.address);
  expect(a.process.pid).not.toBe(b.process.pid);
});

it("B answers stats and deletes of A's topic with A's live state", async () => {
  const topic = uniqueTopic('forwarded');
  const full = `persistent://public/default/${topic}`;
  const messagingA = messagingClient(a.address);
  closers.push(() => messagingA.close());
  const producer = new RawProducer(messagingA, topic, 'producer-on-a');
  // A producer opened on A makes A claim the topic (nobody owned it).
  await producer.send(['one', 'two', 'three']);
  await producer.send(['four']);
  expect(await ownerSeenByB(topic)).toBe(a.address);
  const consumer = new RawConsumer(messagingA, {
    topic,
    subscription: 'watch',
    type: 'FAILOVER',
    consumerName: 'consumer-on-a',
  });
  consumer.flow(100);
  await consumer.waitFor(4);

  // B does not serve the topic; it asks A.
  const expectLive = (stats: TopicStats) => {
    expect(stats.topic).toBe(full);
    expect(stats.owner).toBe(a.address);
    expect(stats.entries).toBe(2);
    expect(stats.storageSizeBytes).toBeGreaterThan(0);
    expect(stats.producers.map((p) => p.producerName)).toEqual(['producer-on-a']);
    const watch = stats.subscriptions.find((s) => s.name === 'watch');
    expect(watch?.type).toBe('FAILOVER');
    expect(watch?.consumers.map((c) => c.consumerName)).toEqual(['consumer-on-a']);
    expect(stats.ledgers.some((l) => l.open)).toBe(true);
  };
  expectLive(await adminB.topicStats(topic));
  expectLive(await adminA.topicStats(topic));

  // The same over HTTP on B's port.
  const response = await fetch(
    `http://127.0.0.1:${b.httpPort}/admin/v2/persistent/public/default/${topic}/stats`,
  );
  expect(response.status).toBe(200);
  expectLive((await response.json()) as TopicStats);

  // Asked of B, a delete is refused by A, the owner, while clients are connected.
  const busy = await failure(adminB.deleteTopic(topic));
  expect({ code: busy.code, grpcStatus: busy.grpcStatus }).toEqual({
    code: 'TOPIC_BUSY',
    grpcStatus: status.FAILED_PRECONDITION,
  });
  expect(busy.message).toMatch(/1 producers and 1 consumers/);
  const httpBusy = await fetch(
    `http://127.0.0.1:${b.httpPort}/admin/v2/persistent/public/default/${topic}`,
    { method: 'DELETE' },
  );
  expect(httpBusy.status).toBe(412);
  expect(await httpBusy.json()).toMatchObject({ error: 'TOPIC_BUSY' });
  // Still served by A.
  await producer.send(['five']);
  expect((await adminB.topicStats(topic)).entries).toBe(3);
  expect(a.process.running && b.process.running).toBe(true);

  // Forced through B: A disconnects its clients and deletes the topic.
  await adminB.deleteTopic(topic, { force: true });
  await waitFor(
    () => (producer.error ?? producer.ended) && (consumer.error ?? consumer.ended),
    'the clients on A to be disconnected',
  );
  for (const admin of [adminA, adminB]) {
    expect((await failure(admin.topicStats(topic))).code).toBe('NOT_FOUND');
    expect((await failure(admin.getTopic(topic))).code).toBe('NOT_FOUND');
    expect((await admin.listTopics('public/default')).map((t) => t.name)).not.toContain(full);
  }
  const gone = await fetch(
    `http://127.0.0.1:${b.httpPort}/admin/v2/persistent/public/default/${topic}/stats`,
  );
  expect(gone.status).toBe(404);
  producer.close();
  consumer.close();
});

it("B's delete of an idle topic that A still serves is done by A", async () => {
  const topic = uniqueTopic('idle-forwarded');
  const messagingA = messagingClient(a.address);
  closers.push(() => messagingA.close());
  const producer = new RawProducer(messagingA, topic, 'short-lived');
  await producer.send(['x']);
  expect(await ownerSeenByB(topic)).toBe(a.address);
  producer.close();
  await waitFor(
    async () => (await adminB.topicStats(topic)).producers.length === 0,
    'the producer to leave A',
  );
  expect((await adminB.topicStats(topic)).owner).toBe(a.address);
  await adminB.deleteTopic(topic);
  for (const admin of [adminA, adminB]) {
    expect((await failure(admin.getTopic(topic))).code).toBe('NOT_FOUND');
  }
});

it("B's stats of a partitioned topic gather each partition from its owner", async () => {
  const topic = `forwarded-parted-${Date.now().toString(36)}`;
  await adminB.createTopic(topic, 2);
  const messagingA = messagingClient(a.address);
  const messagingB = messagingClient(b.address);
  closers.push(
    () => messagingA.close(),
    () => messagingB.close(),
  );
  // Partition 0 served by A, partition 1 by B: each claims the one a producer opens on it.
  const owners = [a.address, b.address];
  const producers = [
    new RawProducer(messagingA, `${topic}-partition-0`, 'p0'),
    new RawProducer(messagingB, `${topic}-partition-1`, 'p1'),
  ];
  for (const [i, producer] of producers.entries()) await producer.send([`m${i}`]);
  expect(await ownerSeenByB(`${topic}-partition-0`)).toBe(a.address);
  expect(await ownerSeenByB(`${topic}-partition-1`)).toBe(b.address);
  for (const admin of [adminA, adminB]) {
    const stats = await admin.topicStats(topic);
    expect(stats.partitions).toBe(2);
    expect(stats.partitionStats.map((p) => p.owner)).toEqual(owners);
    expect(stats.partitionStats.map((p) => p.producers.map((x) => x.producerName))).toEqual([
      ['p0'],
      ['p1'],
    ]);
    expect(stats.entries).toBe(2);
  }
  // Refused while the partitions have producers; forced through A, B deletes the one it serves.
  const busy = await failure(adminA.deleteTopic(topic));
  expect(busy.code).toBe('TOPIC_BUSY');
  await adminA.deleteTopic(topic, { force: true });
  await waitFor(
    () => producers.every((p) => p.error ?? p.ended),
    "both partitions' producers to be disconnected",
  );
  for (const admin of [adminA, adminB]) {
    expect((await failure(admin.getTopic(topic))).code).toBe('NOT_FOUND');
    expect((await failure(admin.getTopic(`${topic}-partition-1`))).code).toBe('NOT_FOUND');
  }
  for (const producer of producers) producer.close();
});
