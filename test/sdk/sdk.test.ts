import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../deploy/local/strata-roles.js';
import { ConnectionPool } from '../../sdk/connection-pool.js';
import { createClient, type ReceivedMessage, type StrataClient } from '../../sdk/index.js';
import type { ManagedLedgerInfo__Output } from '../../proto/generated/strata/gateway/v1/ManagedLedgerInfo.js';
import { loadMessageCodec } from '../../proto/load.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { StorageCluster } from '../harness/storage-cluster.js';

const infoCodec = loadMessageCodec<object, ManagedLedgerInfo__Output>(
  'strata/gateway/v1/topic_state.proto',
  'strata.gateway.v1.ManagedLedgerInfo',
);

let cluster: StorageCluster;
const gateways: GatewayProcess[] = [];
const clients: StrataClient[] = [];

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
  for (const name of ['gateway-a', 'gateway-b']) {
    gateways.push(
      await startGatewayProcess(cluster.group, {
        name,
        metadataUrl: cluster.metadataUrl,
        args: [
          '--lease-ttl-ms',
          '3000',
          '--ensemble-size',
          '3',
          '--write-quorum',
          '3',
          '--ack-quorum',
          '2',
        ],
      }),
    );
  }
});

afterAll(async () => {
  try {
    // Bounded: a client stuck on an unreachable gateway must not keep the cluster running.
    await Promise.race([
      Promise.all(clients.map((c) => c.close())),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]);
  } finally {
    await cluster?.stop();
  }
});

/** A client that knows every gateway, as a real deployment's service URL would. */
function client(first: GatewayProcess): StrataClient {
  const addresses = [first, ...gateways.filter((g) => g !== first)].map((g) => g.address);
  const created = createClient({ serviceUrl: addresses.join(',') });
  clients.push(created);
  return created;
}

/** A payload that differs in length and bytes from message to message. */
const payloadOf = (i: number) =>
  Buffer.from(`message ${i} `.padEnd(20 + (i % 50), String.fromCharCode(33 + (i % 90))));

async function take(
  iterator: AsyncIterator<ReceivedMessage>,
  count: number,
  ack = true,
): Promise<ReceivedMessage[]> {
  const out: ReceivedMessage[] = [];
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`consumer ended after ${out.length} messages`);
    if (ack) next.value.ack();
    out.push(next.value);
  }
  return out;
}

it('round trip: 100,000 messages in order and byte-exact; a new subscription from earliest gets them again', async () => {
  const topic = `sdk-roundtrip-${Date.now()}`;
  const strata = client(gateways[0] as GatewayProcess);
  const consumer = await strata.subscribe({
    topic,
    subscription: 'all',
    type: 'exclusive',
    initialPosition: 'earliest',
  });
  const producer = await strata.createProducer({ topic });
  const ids = await Promise.all(
    Array.from({ length: 100_000 }, (_, i) =>
      producer.send({ payload: payloadOf(i), key: `k${i % 7}` }),
    ),
  );
  expect(ids).toHaveLength(100_000);

  const received = await take(consumer[Symbol.asyncIterator](), 100_000);
  for (let i = 0; i < received.length; i++) {
    const message = received[i] as ReceivedMessage;
    if (!message.payload.equals(payloadOf(i)) || message.key !== `k${i % 7}`) {
      throw new Error(`message ${i} differs: ${message.payload.toString()}`);
    }
  }
  expect(received.map((m) => m.sequenceId)).toEqual(Array.from({ length: 100_000 }, (_, i) => i));

  const replay = await strata.subscribe({
    topic,
    subscription: 'replay',
    type: 'exclusive',
    initialPosition: 'earliest',
  });
  const again = await take(replay[Symbol.asyncIterator](), 100_000);
  expect(again.every((m, i) => m.payload.equals(payloadOf(i)))).toBe(true);
});

it('survives kill -9 of the owning gateway while producing and consuming, without moving data', async () => {
  const topic = `sdk-failover-${Date.now()}`;
  const strata = client(gateways[0] as GatewayProcess);
  const other = client(gateways[1] as GatewayProcess);
  const producer = await strata.createProducer({ topic, batching: { maxDelayMs: 1 } });
  // Consume through the other client: it must follow the topic to its new owner too.
  const consumer = await other.subscribe({
    topic,
    subscription: 'audit',
    type: 'failover',
    initialPosition: 'earliest',
  });
  const consumed = new Map<number, number>();
  const iterator = consumer[Symbol.asyncIterator]();
  let consuming = true;
  const reader = (async () => {
    while (consuming) {
      const next = await iterator.next();
      if (next.done) return;
      consumed.set(
        Number(next.value.payload.toString()),
        (consumed.get(Number(next.value.payload.toString())) ?? 0) + 1,
      );
      next.value.ack();
    }
  })();

  const resolved: number[] = [];
  const resolvedAt = new Map<number, number>();
  let sent = 0;
  const sendSome = async (count: number) => {
    await Promise.all(
      Array.from({ length: count }, () => {
        const n = sent++;
        return producer.send({ payload: String(n) }).then(() => {
          resolved.push(n);
          resolvedAt.set(n, Date.now());
        });
      }),
    );
  };
  for (let i = 0; i < 20; i++) await sendSome(50);

  const metadata = await openMetadataStore(cluster.metadataUrl);
  const key = `/strata/topics/public/default/${topic}`;
  const before = infoCodec.decode((await metadata.get(key))?.value as Buffer);
  const ledgerMetadataBefore = await Promise.all(
    before.ledgers.map(async (l) => (await cluster.client()).metadata(l.ledgerId)),
  );

  const pool = new ConnectionPool([gateways[1]?.address as string]);
  const { owner: ownerAddress } = await pool.lookup(topic);
  pool.close();
  const owner = gateways.find((g) => g.address === ownerAddress) as GatewayProcess;
  const killedAt = Date.now();
  await owner.process.kill();
  // Keep sending through the outage: sends wait in the producer and go out after it reconnects.
  const afterKill = sendSome(500);
  await afterKill;
  const firstAfterKill = Math.min(
    ...[...resolvedAt.entries()].filter(([n]) => n >= 1_000).map(([, t]) => t),
  );
  console.log(
    `gateway failover: first send resolved ${firstAfterKill - killedAt} ms after kill -9 (lease TTL 3000 ms)`,
  );
  for (let i = 0; i < 10; i++) await sendSome(50);

  await expect
    .poll(() => resolved.every((n) => consumed.has(n)), { timeout: 30_000, interval: 100 })
    .toBe(true);
  consuming = false;
  await consumer.close();
  await reader;
  // Per-producer order: resolutions came back in send order.
  expect(resolved).toEqual([...resolved].sort((a, b) => a - b));
  const duplicates = [...consumed.values()].filter((count) => count > 1).length;
  console.log(
    `gateway failover: ${resolved.length} sends resolved, all consumed, ${duplicates} redelivered`,
  );

  // No data moved: the ledgers written before the kill are still where they were, unchanged
  // except for being closed by the recovery.
  for (const [i, ledger] of before.ledgers.entries()) {
    const now = await (await cluster.client()).metadata(ledger.ledgerId);
    expect(now.segments).toEqual(ledgerMetadataBefore[i]?.segments);
  }
  await metadata.close();
});

it('refuses a second Exclusive consumer with CONSUMER_BUSY instead of retrying forever', async () => {
  const topic = `sdk-exclusive-${Date.now()}`;
  const strata = client(gateways.find((g) => g.process.running) as GatewayProcess);
  const first = await strata.subscribe({ topic, subscription: 'only', type: 'exclusive' });
  const second = strata.subscribe({ topic, subscription: 'only', type: 'exclusive' });
  await expect(second).rejects.toMatchObject({ code: 'CONSUMER_BUSY' });
  await first.close();
});

it('sends at once when nothing is in flight, and batches what one tick adds, whatever the delay', async () => {
  const topic = `sdk-eager-${Date.now()}`;
  const strata = client(gateways.find((g) => g.process.running) as GatewayProcess);
  // A delay longer than the test's timeout: only the eager send can get these stored in time.
  const producer = await strata.createProducer({ topic, batching: { maxDelayMs: 600_000 } });
  const alone = await producer.send({ payload: Buffer.from('alone') });
  expect(alone.batchIndex).toBe(0);
  const burst = await Promise.all(
    Array.from({ length: 10 }, (_, i) => producer.send({ payload: Buffer.from(`burst-${i}`) })),
  );
  // One tick's sends share one entry, in order.
  expect(new Set(burst.map((id) => `${id.ledgerId}:${id.entryId}`)).size).toBe(1);
  expect(burst.map((id) => id.batchIndex)).toEqual([...Array(10).keys()]);
  expect(burst[0]?.entryId).not.toBe(alone.entryId);
  await producer.close();
});
