import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Consumer, StrataClient } from '../../sdk/index.js';
import { startGatewayCluster, type GatewayCluster } from '../harness/gateway-cluster.js';

let setup: GatewayCluster;
let strata: StrataClient;

beforeAll(async () => {
  setup = await startGatewayCluster({
    nodes: 3,
    gatewayArgs: ['--ensemble-size', '3', '--write-quorum', '3', '--ack-quorum', '2'],
  });
  ({ strata } = setup);
});

afterAll(() => setup?.stop());

interface Event {
  consumer: string;
  key: string;
  seq: number;
}

it('Key_Shared keeps each key on one consumer at a time, in order, while consumers join and leave', async () => {
  const topic = `key-shared-${Date.now()}`;
  const keys = Array.from({ length: 30 }, (_, i) => `key-${i}`);
  const producer = await strata.createProducer({
    topic,
    batching: { byKey: true, maxMessages: 10 },
  });
  const total = 3_000;
  await Promise.all(
    Array.from({ length: total }, (_, i) => {
      const key = keys[i % keys.length] as string;
      return producer.send({ payload: `${key}:${Math.floor(i / keys.length)}`, key });
    }),
  );

  const events: Event[] = [];
  const unique = new Set<string>();
  const run = (name: string, consumer: Consumer) =>
    (async () => {
      for await (const message of consumer) {
        const [key, seq] = message.payload.toString().split(':') as [string, string];
        events.push({ consumer: name, key, seq: Number(seq) });
        unique.add(message.payload.toString());
        message.ack();
        // Slow enough that the second consumer joins mid-stream.
        if (events.length % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

  const first = await strata.subscribe({
    topic,
    subscription: 'by-key',
    type: 'key_shared',
    initialPosition: 'earliest',
    receiverQueueSize: 100,
    consumerName: 'one',
  });
  const firstDone = run('one', first);
  await expect.poll(() => events.length, { timeout: 20_000 }).toBeGreaterThan(800);
  const second = await strata.subscribe({
    topic,
    subscription: 'by-key',
    type: 'key_shared',
    receiverQueueSize: 100,
    consumerName: 'two',
  });
  const secondDone = run('two', second);
  await expect.poll(() => events.length, { timeout: 20_000 }).toBeGreaterThan(2_000);
  await first.close();
  await firstDone;
  await expect.poll(() => unique.size, { timeout: 30_000 }).toBe(total);
  await second.close();
  await secondDone;

  expect(new Set(events.map((e) => e.consumer))).toEqual(new Set(['one', 'two']));
  for (const key of keys) {
    const forKey = events.filter((e) => e.key === key);
    // In order: the first time each message arrives, its sequence follows the previous one.
    const firsts: number[] = [];
    const seen = new Set<number>();
    for (const e of forKey) {
      if (seen.has(e.seq)) continue;
      seen.add(e.seq);
      firsts.push(e.seq);
    }
    expect(firsts, key).toEqual(Array.from({ length: total / keys.length }, (_, i) => i));
    // One consumer at a time: a key moves between consumers at most twice (to the newcomer, and
    // back when the first leaves), never back and forth.
    let switches = 0;
    for (let i = 1; i < forKey.length; i++)
      if (forKey[i]?.consumer !== forKey[i - 1]?.consumer) switches++;
    expect(switches, key).toBeLessThanOrEqual(2);
  }
});
