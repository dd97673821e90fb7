import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReceivedMessage, StrataClient } from '../../sdk/index.js';
import { startGatewayCluster, type GatewayCluster } from '../harness/gateway-cluster.js';
import { take } from '../harness/wait.js';

let setup: GatewayCluster;
let strata: StrataClient;

beforeAll(async () => {
  setup = await startGatewayCluster({ nodes: 1 });
  ({ strata } = setup);
});

afterAll(() => setup?.stop());

// Found by the chaos run: when the active Failover consumer changed while the old one was still
// connected, the new one got newer messages while the old one still held older ones in its queue,
// so a key's messages were processed out of order across the two.
it('a Failover switch hands over in order: the old consumer releases what it has not taken', async () => {
  const topic = `handover-${Date.now()}`;
  const producer = await strata.createProducer({ topic, batching: { maxMessages: 1 } });
  await Promise.all(
    Array.from({ length: 200 }, (_, i) => producer.send({ payload: `${i}`, key: `k${i % 5}` })),
  );
  const firstReceptions: number[] = [];
  const seen = new Set<number>();
  const record = (message: ReceivedMessage) => {
    const n = Number(message.payload.toString());
    if (!seen.has(n)) firstReceptions.push(n);
    seen.add(n);
    message.ack();
  };

  // "b" subscribes alone and is active; its application takes 10 messages, then pauses with more
  // in its receiver queue.
  const b = await strata.subscribe({
    topic,
    subscription: 'fo',
    type: 'failover',
    consumerName: 'b',
    initialPosition: 'earliest',
    receiverQueueSize: 100,
  });
  const fromB = b[Symbol.asyncIterator]();
  for (const message of await take(fromB, 10)) record(message);
  // Its queue fills (100 messages) while the application is paused.
  await new Promise((resolve) => setTimeout(resolve, 300));

  // "a" sorts first: it becomes active while b still holds messages it has not processed.
  const a = await strata.subscribe({
    topic,
    subscription: 'fo',
    type: 'failover',
    consumerName: 'a',
    initialPosition: 'earliest',
  });
  const fromA = a[Symbol.asyncIterator]();
  const taking = (async () => {
    while (seen.size < 200) {
      const next = await fromA.next();
      if (next.done) return;
      record(next.value);
    }
  })();
  // b's application goes on: what it had not taken was handed back, so it gets nothing more.
  const late = await Promise.race([
    fromB.next().then((r) => (r.done ? undefined : r.value)),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1_500)),
  ]);
  expect(late).toBeUndefined();
  await taking;
  expect(firstReceptions).toEqual(Array.from({ length: 200 }, (_, i) => i));
  await Promise.all([a.close(), b.close(), producer.close()]);
});
