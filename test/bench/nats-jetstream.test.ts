import { afterAll, describe, expect, it } from 'vitest';
import { natsJetStream, type JetStreamBenchSystem } from '../../bench/systems/nats-jetstream.js';

const messageCount = 2_000;
const payloadBytes = 100;
const publishWindow = 200;
const subscribeWindow = 100;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function payloadFor(index: number): Uint8Array {
  const payload = new Uint8Array(payloadBytes);
  new DataView(payload.buffer).setUint32(0, index);
  payload.fill(index % 251, 4);
  return payload;
}

function indexOf(payload: Uint8Array): number {
  return new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(0);
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each([1, 3] as const)('NATS JetStream R%i', (replicas) => {
  const started: JetStreamBenchSystem[] = [];
  afterAll(async () => {
    await Promise.allSettled(started.map((system) => system.stop()));
  });

  it('delivers every published message, in order, to each subscription', async () => {
    const system = await natsJetStream({ replicas }).start();
    started.push(system);
    expect(system.name).toBe(replicas === 1 ? 'jetstream' : 'jetstream-r3');
    expect(system.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(system.durability).toContain(`R${replicas}`);
    expect(system.pids).toHaveLength(replicas);

    const topic = 'bench.orders-1';
    // Two names that a careless sanitizer would map to one consumer, splitting the messages.
    const subscriptions = ['sub.b', 'sub_b'];
    await system.createTopic(topic, subscriptions);

    let wrongSizes = 0;
    const received = subscriptions.map(() => [] as number[]);
    const done = subscriptions.map(() => deferred());
    const subscribers = await Promise.all(
      subscriptions.map((subscription, i) =>
        system.subscribe(
          topic,
          subscription,
          (payload) => {
            // Recorded, not asserted: a throw here would only stop the consumer.
            if (payload.byteLength !== payloadBytes) wrongSizes++;
            received[i]!.push(indexOf(payload));
            if (received[i]!.length === messageCount) done[i]!.resolve();
          },
          subscribeWindow,
        ),
      ),
    );

    const publisher = await system.publisher(topic);
    const inFlight = new Set<Promise<void>>();
    let acked = 0;
    const startedAt = performance.now();
    for (let i = 0; i < messageCount; i++) {
      const publish = publisher.publish(payloadFor(i)).then(() => {
        acked++;
        inFlight.delete(publish);
      });
      inFlight.add(publish);
      if (inFlight.size >= publishWindow) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const publishMs = performance.now() - startedAt;
    expect(acked).toBe(messageCount);
    await Promise.all(done.map((d) => d.promise));
    console.log(
      `jetstream R${replicas}: ${messageCount} publishes acked in ${publishMs.toFixed(0)} ms, ` +
        `all delivered in ${(performance.now() - startedAt).toFixed(0)} ms`,
    );

    const expected = Array.from({ length: messageCount }, (_, i) => i);
    for (const indexes of received) expect(indexes).toEqual(expected);
    expect(wrongSizes).toBe(0);

    await publisher.close();
    await Promise.all(subscribers.map((s) => s.close()));
    const pids = system.pids;
    await system.stop();
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  }, 60_000);
});
