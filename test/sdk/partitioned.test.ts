import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../deploy/local/strata-roles.js';
import {
  createAdmin,
  createClient,
  partitionForKey,
  type Consumer,
  type StrataAdmin,
  type StrataClient,
} from '../../sdk/index.js';
import { murmur3 } from '../../services/common/murmur3.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

let cluster: StorageCluster;
let gateways: GatewayProcess[];
let strata: StrataClient;
let admin: StrataAdmin;

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 2 });
  gateways = [];
  for (const name of ['gateway-a', 'gateway-b']) {
    gateways.push(
      await startGatewayProcess(cluster.group, {
        name,
        metadataUrl: cluster.metadataUrl,
        args: ['--ensemble-size', '2', '--write-quorum', '2', '--ack-quorum', '1'],
      }),
    );
  }
  strata = createClient({ serviceUrl: gateways.map((g) => g.address).join(',') });
  admin = createAdmin({ serviceUrl: gateways[0]?.address as string });
});

afterAll(async () => {
  try {
    admin?.close();
    await Promise.race([strata?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  } finally {
    await cluster?.stop();
  }
});

/** Consumes `consumer` until `until()` holds, recording what each message says. */
function drain(
  name: string,
  consumer: Consumer,
  record: (consumer: string, payload: string, partition: number) => void,
): Promise<void> {
  return (async () => {
    for await (const message of consumer) {
      record(name, message.payload.toString(), message.id.partition);
      message.ack();
    }
  })();
}

it('routes keys by Murmur3 (the reference values every SDK must match)', () => {
  // MurmurHash3_x86_32 with seed 0 of the UTF-8 bytes, from the reference implementation.
  expect(murmur3('')).toBe(0);
  expect(murmur3('hello')).toBe(613153351);
  expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  expect(partitionForKey('hello', 4)).toBe(613153351 % 4);
});

it('a partitioned topic with 4 partitions and 100 keys keeps per-key order through a Key_Shared subscription of 3 consumers', async () => {
  const topic = `orders-${Date.now()}`;
  await admin.createTopic(topic, 4);
  const keys = Array.from({ length: 100 }, (_, i) => `customer-${i}`);
  const subscribers = await Promise.all(
    ['c1', 'c2', 'c3'].map((consumerName) =>
      strata.subscribe({
        topic,
        subscription: 'billing',
        type: 'key_shared',
        consumerName,
        initialPosition: 'earliest',
      }),
    ),
  );
  const received: Array<{ consumer: string; key: string; seq: number; partition: number }> = [];
  const runs = subscribers.map((consumer, i) =>
    drain(`c${i + 1}`, consumer, (name, payload, partition) => {
      const [key, seq] = payload.split('#') as [string, string];
      received.push({ consumer: name, key, seq: Number(seq), partition });
    }),
  );

  const producer = await strata.createProducer({
    topic,
    batching: { byKey: true, maxMessages: 20 },
  });
  const perKey = 50;
  const sends = [];
  for (let seq = 0; seq < perKey; seq++) {
    for (const key of keys) sends.push(producer.send({ payload: `${key}#${seq}`, key }));
  }
  const ids = await Promise.all(sends);
  // Every message went to its key's partition.
  ids.forEach((id, i) => {
    expect(id.partition).toBe(partitionForKey(keys[i % keys.length] as string, 4));
  });
  const total = keys.length * perKey;
  await waitFor(() => received.length >= total, `${total} messages`, 30_000);

  const byKey = new Map<string, typeof received>();
  for (const event of received) {
    const list = byKey.get(event.key) ?? [];
    list.push(event);
    byKey.set(event.key, list);
  }
  expect(byKey.size).toBe(keys.length);
  for (const [key, events] of byKey) {
    // In order, each once, from one partition, to one consumer.
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: perKey }, (_, i) => i));
    expect(new Set(events.map((e) => e.partition))).toEqual(new Set([partitionForKey(key, 4)]));
    expect(new Set(events.map((e) => e.consumer)).size).toBe(1);
  }
  // All three consumers got keys, and all four partitions were used.
  expect(new Set(received.map((e) => e.consumer)).size).toBe(3);
  expect(new Set(received.map((e) => e.partition)).size).toBe(4);

  await Promise.all(subscribers.map((c) => c.close()));
  await Promise.all(runs);
  await producer.close();
});

it('partitions spread over the gateways; messages without a key go round-robin a batch at a time; an exclusive consumer gets every partition', async () => {
  const topic = `spread-${Date.now()}`;
  await admin.createTopic(topic, 4);
  const producer = await strata.createProducer({ topic, batching: { maxMessages: 10 } });
  const ids = await Promise.all(
    Array.from({ length: 400 }, (_, i) => producer.send({ payload: `m${i}` })),
  );
  const perPartition = [0, 0, 0, 0];
  for (const id of ids) perPartition[id.partition] = (perPartition[id.partition] ?? 0) + 1;
  // 40 batches of 10, one partition after another.
  expect(perPartition).toEqual([100, 100, 100, 100]);

  const stats = await admin.topicStats(topic);
  expect(stats.partitions).toBe(4);
  const owners = new Set(stats.partitionStats.map((p) => p.owner));
  expect(owners).toEqual(new Set(gateways.map((g) => g.address)));

  const consumer = await strata.subscribe({
    topic,
    subscription: 'all',
    initialPosition: 'earliest',
  });
  const seen = new Map<number, number[]>();
  const iterator = consumer[Symbol.asyncIterator]();
  for (let i = 0; i < 400; i++) {
    const next = await iterator.next();
    const message = next.value as NonNullable<typeof next.value>;
    const n = Number(message.payload.toString().slice(1));
    const list = seen.get(message.id.partition) ?? [];
    list.push(n);
    seen.set(message.id.partition, list);
    message.ack();
  }
  // Per partition, in send order.
  for (const list of seen.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
  expect([...seen.values()].flat().sort((a, b) => a - b)).toEqual(
    Array.from({ length: 400 }, (_, i) => i),
  );
  await consumer.close();
  await producer.close();
});

it('Failover on a partitioned topic makes each consumer active for some partitions', async () => {
  const topic = `failover-${Date.now()}`;
  await admin.createTopic(topic, 4);
  const consumers = await Promise.all(
    ['f1', 'f2'].map((consumerName) =>
      strata.subscribe({
        topic,
        subscription: 'fo',
        type: 'failover',
        consumerName,
        initialPosition: 'earliest',
      }),
    ),
  );
  const partitionsOf = new Map<string, Set<number>>();
  const runs = consumers.map((consumer, i) =>
    drain(`f${i + 1}`, consumer, (name, _payload, partition) => {
      const set = partitionsOf.get(name) ?? new Set<number>();
      set.add(partition);
      partitionsOf.set(name, set);
    }),
  );
  const producer = await strata.createProducer({ topic });
  await Promise.all(
    Array.from({ length: 200 }, (_, i) => producer.send({ payload: `m${i}`, key: `k${i}` })),
  );
  await waitFor(
    () => [...partitionsOf.values()].reduce((n, s) => n + s.size, 0) === 4,
    'every partition delivered',
    20_000,
  );
  // Partition p's active consumer is the (p mod 2)-th by name.
  expect(partitionsOf.get('f1')).toEqual(new Set([0, 2]));
  expect(partitionsOf.get('f2')).toEqual(new Set([1, 3]));
  await Promise.all(consumers.map((c) => c.close()));
  await Promise.all(runs);
  await producer.close();
});
