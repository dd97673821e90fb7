import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../deploy/local/strata-roles.js';
import type { MessagingClient } from '../../proto/generated/strata/v1/Messaging.js';
import { RawConsumer, messagingClient, produceBatches } from '../harness/messaging-client.js';
import { StorageCluster } from '../harness/storage-cluster.js';

let cluster: StorageCluster;
let gateway: GatewayProcess;
let client: MessagingClient;
const consumers: RawConsumer[] = [];

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
  gateway = await startGatewayProcess(cluster.group, {
    name: 'gateway',
    metadataUrl: cluster.metadataUrl,
    args: ['--ensemble-size', '3', '--write-quorum', '3', '--ack-quorum', '2'],
  });
  client = messagingClient(gateway.address);
});

afterAll(async () => {
  for (const consumer of consumers) consumer.close();
  client?.close();
  await cluster?.stop();
});

function consumer(...args: ConstructorParameters<typeof RawConsumer>): RawConsumer {
  const created = new RawConsumer(...args);
  consumers.push(created);
  return created;
}

const topicName = (label: string) => `consume-${label}-${Date.now()}`;

/** `batches` batches of `size` messages: "m<n>" in one global order. */
function numbered(batches: number, size: number): string[][] {
  return Array.from({ length: batches }, (_, b) =>
    Array.from({ length: size }, (_, i) => `m${b * size + i}`),
  );
}

it('round trip: one producer, one Exclusive consumer, in order and byte-exact; a new subscription replays it all', async () => {
  const topic = topicName('roundtrip');
  await produceBatches(client, topic, numbered(2_000, 5));
  const exclusive = consumer(client, { topic, subscription: 'orders', type: 'EXCLUSIVE' }, true);
  exclusive.flow(10_000);
  await exclusive.waitFor(10_000);
  expect(exclusive.messages.map((m) => m.text)).toEqual(
    Array.from({ length: 10_000 }, (_, i) => `m${i}`),
  );

  const replay = consumer(
    client,
    { topic, subscription: 'replay', type: 'EXCLUSIVE', initialPosition: 'EARLIEST' },
    true,
  );
  replay.flow(10_000);
  await replay.waitFor(10_000);
  expect(replay.messages.map((m) => m.text)).toEqual(exclusive.messages.map((m) => m.text));
});

it('tails: a caught-up consumer gets new messages as they are written', async () => {
  const topic = topicName('tail');
  await produceBatches(client, topic, [['first']]);
  const tailing = consumer(client, { topic, subscription: 'tail', type: 'EXCLUSIVE' }, true);
  tailing.flow(100);
  await tailing.waitFor(1);
  await produceBatches(client, topic, [['second'], ['third']]);
  await tailing.waitFor(3);
  expect(tailing.messages.map((m) => m.text)).toEqual(['first', 'second', 'third']);
});

it('Shared divides the messages among three consumers, none twice while all ack', async () => {
  const topic = topicName('shared');
  await produceBatches(client, topic, numbered(300, 1));
  const group = [0, 1, 2].map((i) =>
    consumer(client, { topic, subscription: 'work', type: 'SHARED', consumerName: `w${i}` }, true),
  );
  for (const c of group) c.flow(1_000);
  await expect
    .poll(() => group.reduce((n, c) => n + c.messages.length, 0), { timeout: 20_000 })
    .toBe(300);
  const all = group.flatMap((c) => c.messages.map((m) => m.text));
  expect(new Set(all).size).toBe(300);
  expect(group.every((c) => c.messages.length > 0)).toBe(true);
});

it('refuses a second Exclusive consumer', async () => {
  const topic = topicName('exclusive');
  await produceBatches(client, topic, [['x']]);
  const first = consumer(client, { topic, subscription: 'solo', type: 'EXCLUSIVE' });
  await expect.poll(() => first.subscribed, { timeout: 10_000 }).toBe(true);
  const second = consumer(client, { topic, subscription: 'solo', type: 'EXCLUSIVE' });
  await expect
    .poll(() => second.error?.details, { timeout: 10_000 })
    .toMatch(/exclusive and already has a consumer/);
  expect(second.error?.metadata.get('strata-error-code')[0]).toBe('CONSUMER_BUSY');
});

it('Failover moves to the standby when the active consumer leaves, skipping nothing', async () => {
  const topic = topicName('failover');
  await produceBatches(client, topic, numbered(100, 1));
  const a = consumer(client, { topic, subscription: 'fo', type: 'FAILOVER', consumerName: 'a' });
  const b = consumer(
    client,
    { topic, subscription: 'fo', type: 'FAILOVER', consumerName: 'b' },
    true,
  );
  b.flow(1_000);
  a.flow(1_000);
  await a.waitFor(100);
  expect(b.messages).toHaveLength(0);
  // a acknowledges only the first 40, then leaves.
  a.ack(a.messages.slice(0, 40).map((m) => m.id));
  await new Promise((resolve) => setTimeout(resolve, 200));
  a.close();
  await b.waitFor(60);
  expect(b.activeChanges).toContain(true);
  const seen = new Set([...a.messages.slice(0, 40), ...b.messages].map((m) => m.text));
  expect(seen.size).toBe(100);
  expect(b.messages.map((m) => m.text)).toEqual(Array.from({ length: 60 }, (_, i) => `m${i + 40}`));
});

it('never sends beyond the permits granted', async () => {
  const topic = topicName('flow');
  await produceBatches(client, topic, numbered(50, 1));
  const slow = consumer(client, { topic, subscription: 'slow', type: 'EXCLUSIVE' });
  slow.flow(10);
  await slow.waitFor(10);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(slow.messages).toHaveLength(10);
  slow.flow(5);
  await slow.waitFor(15);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(slow.messages).toHaveLength(15);
});

it('keeps acknowledgements: a reconnecting consumer gets only what was not acked, redelivered', async () => {
  const topic = topicName('acks');
  await produceBatches(client, topic, numbered(40, 5));
  const first = consumer(client, { topic, subscription: 'durable', type: 'SHARED' });
  first.flow(1_000);
  await first.waitFor(200);
  // Every other message, across batch boundaries (batch indexes included).
  const acked = first.messages.filter((_, i) => i % 2 === 0);
  first.ack(acked.map((m) => m.id));
  await new Promise((resolve) => setTimeout(resolve, 300));
  first.close();

  const second = consumer(client, { topic, subscription: 'durable', type: 'SHARED' }, true);
  second.flow(1_000);
  await second.waitFor(100);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(second.messages.map((m) => m.text).sort()).toEqual(
    first.messages
      .filter((_, i) => i % 2 === 1)
      .map((m) => m.text)
      .sort(),
  );
});

it('acks grouped by entry (the SDK form) keep exactly the messages they name', async () => {
  const topic = topicName('entry-acks');
  await produceBatches(client, topic, numbered(3, 4));
  const first = consumer(client, { topic, subscription: 'grouped', type: 'SHARED' });
  first.flow(100);
  await first.waitFor(12);
  const byEntry = new Map<string, { ledgerId: number; entryId: number; batchIndexes: number[] }>();
  // Indexes 0 and 2 of each batch, and all of the last batch: the last entry is settled whole.
  for (const { id, text } of first.messages) {
    const n = Number(text.slice(1));
    if (n < 8 && id.batchIndex % 2 === 1) continue;
    const key = `${id.ledgerId}:${id.entryId}`;
    const group = byEntry.get(key) ?? {
      ledgerId: id.ledgerId,
      entryId: id.entryId,
      batchIndexes: [],
    };
    group.batchIndexes.push(id.batchIndex);
    byEntry.set(key, group);
  }
  // The gateway says it applies grouped acks (the SDK falls back to ids otherwise).
  expect(first.subscribedAs?.entryAcks).toBe(true);
  first.ackEntries([...byEntry.values()]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  first.close();

  const second = consumer(client, { topic, subscription: 'grouped', type: 'SHARED' });
  second.flow(100);
  await second.waitFor(4);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(second.messages.map((m) => m.text)).toEqual(['m1', 'm3', 'm5', 'm7']);
  // The redelivered entries say which of their messages were acked already.
  expect(second.deliveries.map((d) => d.ackedIndexes)).toEqual([
    [0, 2],
    [0, 2],
  ]);
  second.close();

  // The rest of the half-acked entries, grouped again (the SDK's path after a redelivery), with a
  // settled entry and a repeated index in the same request: the subscription is then empty.
  const third = consumer(client, { topic, subscription: 'grouped', type: 'SHARED' });
  third.flow(100);
  await third.waitFor(4);
  const [a, b] = [third.messages[0]!.id, third.messages[2]!.id];
  const last = first.messages[11]!.id;
  third.ackEntries([
    { ledgerId: a.ledgerId, entryId: a.entryId, batchIndexes: [1, 3, 3] },
    { ledgerId: b.ledgerId, entryId: b.entryId, batchIndexes: [1, 3] },
    { ledgerId: last.ledgerId, entryId: last.entryId, batchIndexes: [0, 1, 2, 3] },
  ]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(third.error).toBeUndefined();
  third.close();
  const fourth = consumer(client, { topic, subscription: 'grouped', type: 'SHARED' });
  fourth.flow(100);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(fourth.messages).toEqual([]);
});

it('redelivers a negatively acknowledged message after the delay', async () => {
  const topic = topicName('nack');
  await produceBatches(client, topic, [['retry me']]);
  const c = consumer(client, {
    topic,
    subscription: 'n',
    type: 'SHARED',
    nackRedeliveryDelayMs: 200,
  } as never);
  c.flow(10);
  await c.waitFor(1);
  c.nack([c.messages[0]?.id as never]);
  await c.waitFor(2);
  expect(c.messages[1]).toMatchObject({ text: 'retry me', redeliveryCount: 1 });
});

it("redelivers what is not acknowledged within the consumer's ack timeout", async () => {
  const topic = topicName('ack-timeout');
  await produceBatches(client, topic, [['forgotten'], ['acked']]);
  const c = consumer(client, {
    topic,
    subscription: 't',
    type: 'SHARED',
    ackTimeoutMs: 300,
  } as never);
  c.flow(10);
  await c.waitFor(2);
  c.ack([c.messages.find((m) => m.text === 'acked')?.id as never]);
  await c.waitFor(3, 'the forgotten message again');
  expect(c.messages[2]).toMatchObject({ text: 'forgotten', redeliveryCount: 1 });
  await new Promise((resolve) => setTimeout(resolve, 600));
  // The acknowledged one never comes back; the forgotten one keeps coming until acknowledged.
  expect(c.messages.filter((m) => m.text === 'acked')).toHaveLength(1);
  c.ack([c.messages[2]?.id as never]);
});

it('a cumulative ack covers everything before it, and only the batch indexes up to it', async () => {
  const topic = topicName('cumulative');
  await produceBatches(client, topic, [
    ['b1-0', 'b1-1', 'b1-2', 'b1-3'],
    ['b2-0', 'b2-1', 'b2-2', 'b2-3'],
    ['b3-0', 'b3-1', 'b3-2', 'b3-3'],
  ]);
  const first = consumer(client, { topic, subscription: 'cum', type: 'EXCLUSIVE' });
  first.flow(100);
  await first.waitFor(12);
  first.ack([first.messages.find((m) => m.text === 'b2-1')?.id as never], true);
  await new Promise((resolve) => setTimeout(resolve, 300));
  first.close();
  await new Promise((resolve) => setTimeout(resolve, 200));

  const second = consumer(client, { topic, subscription: 'cum', type: 'EXCLUSIVE' });
  second.flow(100);
  await second.waitFor(6);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(second.messages.map((m) => m.text)).toEqual([
    'b2-2',
    'b2-3',
    'b3-0',
    'b3-1',
    'b3-2',
    'b3-3',
  ]);
});

describe('bad consume input gets a clear status', () => {
  it('rejects each mistake and leaves the gateway serving', async () => {
    const topic = topicName('bad');
    await produceBatches(client, topic, [['only']]);
    const cases: Array<[Record<string, unknown>, RegExp, number]> = [
      [{ type: 99 }, /unknown subscription type/, status.INVALID_ARGUMENT],
      [{ subscription: 'bad name!' }, /invalid subscription name/, status.INVALID_ARGUMENT],
      [{ topic: 'a/b/c/d' }, /invalid topic name/, status.INVALID_ARGUMENT],
    ];
    for (const [override, message, code] of cases) {
      const c = consumer(client, {
        topic,
        subscription: 'bad',
        type: 'SHARED',
        ...override,
      } as never);
      await expect.poll(() => c.error?.details, { timeout: 10_000 }).toMatch(message);
      expect(c.error?.code).toBe(code);
    }
    const ghost = consumer(client, { topic, subscription: 'ghost', type: 'SHARED' });
    await expect.poll(() => ghost.subscribed, { timeout: 10_000 }).toBe(true);
    ghost.ack([{ ledgerId: 999_999, entryId: 7, batchIndex: 0 }]);
    await expect
      .poll(() => ghost.error?.details, { timeout: 10_000 })
      .toMatch(/was not delivered on subscription ghost/);

    const badAcks: Array<[Record<string, unknown>, RegExp]> = [
      [{ entries: [{ ledgerId: 1, entryId: 0, batchIndexes: [] }] }, /name no message/],
      [
        { cumulative: true, entries: [{ ledgerId: 1, entryId: 0, batchIndexes: [0] }] },
        /grouped by entry cannot be cumulative/,
      ],
      [
        { cumulative: true, ids: [{ ledgerId: 1, entryId: 0, batchIndex: -1 }] },
        /has no batch index -1/,
      ],
    ];
    for (const [ack, message] of badAcks) {
      const c = consumer(client, { topic, subscription: 'bad-acks', type: 'EXCLUSIVE' });
      await expect.poll(() => c.subscribed, { timeout: 10_000 }).toBe(true);
      c.send({ ack });
      await expect.poll(() => c.error?.details, { timeout: 10_000 }).toMatch(message);
      expect(c.error?.code).toBe(status.INVALID_ARGUMENT);
    }
    const outOfRange = consumer(client, { topic, subscription: 'range', type: 'SHARED' });
    outOfRange.flow(10);
    await outOfRange.waitFor(1);
    const only = outOfRange.messages[0]!.id;
    outOfRange.ackEntries([
      { ledgerId: only.ledgerId, entryId: only.entryId, batchIndexes: [0, 5] },
    ]);
    await expect
      .poll(() => outOfRange.error?.details, { timeout: 10_000 })
      .toMatch(/has no batch index 5 \(batch of 1\)/);
    expect(outOfRange.error?.code).toBe(status.INVALID_ARGUMENT);

    const unsubscribed = client.Consume();
    const error = await new Promise<{ details: string }>((resolve) => {
      unsubscribed.on('error', resolve);
      unsubscribed.write({ flow: { messages: 1 } });
    });
    expect(error.details).toMatch(/must start with Subscribe/);
    expect(gateway.process.running).toBe(true);
  });
});
