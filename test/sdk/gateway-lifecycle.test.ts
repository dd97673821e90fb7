import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../deploy/local/strata-roles.js';
import { ConnectionPool } from '../../sdk/connection-pool.js';
import {
  createClient,
  type Consumer,
  type ReceivedMessage,
  type StrataClient,
} from '../../sdk/index.js';
import { StorageCluster } from '../harness/storage-cluster.js';

let cluster: StorageCluster;
let gateways: GatewayProcess[] = [];
const clients: StrataClient[] = [];
let started = 0;

async function startGateway(): Promise<GatewayProcess> {
  const gateway = await startGatewayProcess(cluster.group, {
    name: `gateway-${++started}`,
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
  });
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
  await startGateway();
  await startGateway();
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

/** A client that knows every gateway started so far (and any started later, through `extra`). */
function client(extra: GatewayProcess[] = []): StrataClient {
  const created = createClient({
    serviceUrl: [...gateways, ...extra].map((g) => g.address).join(','),
  });
  clients.push(created);
  return created;
}

async function ownerOf(topic: string): Promise<GatewayProcess> {
  const live = gateways.filter((g) => g.process.running);
  const pool = new ConnectionPool(live.map((g) => g.address));
  try {
    const { owner } = await pool.lookup(topic);
    return gateways.find((g) => g.address === owner) as GatewayProcess;
  } finally {
    pool.close();
  }
}

/** Reads messages until `quietMs` pass without one; returns them. */
async function drain(
  consumer: Consumer,
  quietMs: number,
  ack: (m: ReceivedMessage) => boolean,
): Promise<ReceivedMessage[]> {
  const iterator = consumer[Symbol.asyncIterator]();
  const out: ReceivedMessage[] = [];
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const quiet = new Promise<'quiet'>(
      (resolve) => (timer = setTimeout(() => resolve('quiet'), quietMs)),
    );
    const next = await Promise.race([iterator.next(), quiet]);
    clearTimeout(timer);
    if (next === 'quiet' || next.done) return out;
    out.push(next.value);
    if (ack(next.value)) next.value.ack();
  }
}

it('cursor durability: after kill -9 of the owner, exactly the unacked of 100,000 scattered acks come again', async () => {
  const topic = `durable-acks-${Date.now()}`;
  const strata = client();
  const producer = await strata.createProducer({ topic });
  await Promise.all(
    Array.from({ length: 100_000 }, (_, i) => producer.send({ payload: String(i) })),
  );

  const consumer = await strata.subscribe({
    topic,
    subscription: 'scattered',
    type: 'shared',
    initialPosition: 'earliest',
    receiverQueueSize: 5_000,
  });
  const first = await drain(consumer, 1_500, (m) => Number(m.payload.toString()) % 2 === 0);
  expect(first).toHaveLength(100_000);
  // Past the persistence window (100 ms): every ack is durable before the crash.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const owner = await ownerOf(topic);
  await owner.process.kill();
  await startGateway();
  // The SDK follows the topic to its new owner and resubscribes: the unacked ones come again.
  const again = await drain(consumer, 6_000, () => true);
  const redelivered = new Set(again.map((m) => Number(m.payload.toString())));
  const odd = Array.from({ length: 50_000 }, (_, i) => 2 * i + 1);
  expect(odd.every((n) => redelivered.has(n))).toBe(true);
  const evenRedelivered = [...redelivered].filter((n) => n % 2 === 0).length;
  console.log(
    `cursor durability: ${redelivered.size} redelivered, ${evenRedelivered} of them already acked`,
  );
  expect(evenRedelivered).toBe(0);
  await consumer.close();
});

it('full restart: every gateway replaced, topics, positions and unacked messages are where they were', async () => {
  const topic = `restart-${Date.now()}`;
  const strata = client();
  const producer = await strata.createProducer({ topic });
  await Promise.all(Array.from({ length: 1_000 }, (_, i) => producer.send({ payload: String(i) })));
  const consumer = await strata.subscribe({
    topic,
    subscription: 'position',
    type: 'exclusive',
    initialPosition: 'earliest',
    receiverQueueSize: 1_000,
  });
  // Acknowledge 0..599, receive but do not acknowledge 600..699.
  const iterator = consumer[Symbol.asyncIterator]();
  for (let i = 0; i < 700; i++) {
    const next = await iterator.next();
    if (!next.done && i < 600) next.value.ack();
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  await consumer.close();
  await producer.close();

  const old = gateways.filter((g) => g.process.running);
  await Promise.all(old.map((g) => g.process.stop()));
  gateways = [];
  await startGateway();
  await startGateway();

  const fresh = client();
  const resumed = await fresh.subscribe({
    topic,
    subscription: 'position',
    type: 'exclusive',
    receiverQueueSize: 1_000,
  });
  const rest = await drain(resumed, 2_000, () => true);
  expect(rest.map((m) => Number(m.payload.toString())).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 400 }, (_, i) => 600 + i),
  );
  const replay = await fresh.subscribe({
    topic,
    subscription: 'replay',
    type: 'exclusive',
    initialPosition: 'earliest',
  });
  expect(await drain(replay, 2_000, () => true)).toHaveLength(1_000);
  await resumed.close();
  await replay.close();
});

it('a zombie owner (SIGSTOP past its lease, then SIGCONT) acknowledges nothing after the takeover', async () => {
  const topic = `zombie-${Date.now()}`;
  const strata = client();
  const producer = await strata.createProducer({
    topic,
    batching: { maxDelayMs: 1, maxMessages: 10 },
  });
  const acked = new Map<number, { ledgerId: number; entryId: number; batchIndex: number }>();
  let sent = 0;
  const sendSome = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () => {
        const n = sent++;
        return producer.send({ payload: String(n) }).then((id) => acked.set(n, id));
      }),
    );
  await sendSome(200);

  const zombie = await ownerOf(topic);
  zombie.process.signal('SIGSTOP');
  // These reach the frozen owner's socket; they must end up stored exactly once by the new owner.
  const duringStop = sendSome(200);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const survivor = gateways.find((g) => g !== zombie && g.process.running) as GatewayProcess;
  const pool = new ConnectionPool([survivor.address]);
  await expect
    .poll(async () => (await pool.lookup(topic).catch(() => ({ owner: '' }))).owner, {
      timeout: 15_000,
    })
    .toBe(survivor.address);
  pool.close();
  zombie.process.signal('SIGCONT');
  await duringStop;
  await sendSome(100);

  // Every acknowledged send is in the topic, at the id it was acknowledged with.
  const reader = await strata.subscribe({
    topic,
    subscription: 'verify',
    type: 'exclusive',
    initialPosition: 'earliest',
    receiverQueueSize: 1_000,
  });
  const stored = await drain(reader, 2_000, () => true);
  const byPayload = new Map(stored.map((m) => [Number(m.payload.toString()), m.id]));
  for (const [n, id] of acked) {
    expect(byPayload.get(n), `message ${n}`).toMatchObject({
      ledgerId: id.ledgerId,
      entryId: id.entryId,
      batchIndex: id.batchIndex,
    });
  }
  expect(acked.size).toBe(500);
  await reader.close();
  await producer.close();
});
