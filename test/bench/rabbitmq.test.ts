import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchSystem } from '../../bench/systems/bench-system.js';
import { rabbitMq } from '../../bench/systems/rabbitmq.js';
import { findProcesses, isProcessAlive } from '../../bench/systems/rabbitmq-servers.js';
import { waitFor } from '../harness/wait.js';

const MESSAGES = 2_000;
const PAYLOAD_BYTES = 100;
/** Larger than what amqplib buffers per channel (1,024 frames, 3 per publish): exercises 'drain'. */
const PUBLISH_WINDOW = 1_000;
const CONSUME_WINDOW = 200;
/** Temp dirs and node names of every RabbitMQ the harness starts carry these. */
const MARKERS = [join(tmpdir(), 'strata-rabbitmq-'), 'strata-bench-'];

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0')[0] ?? '';
  } catch {
    return '';
  }
}

describe.each([1, 3] as const)('RabbitMQ peer, %i node(s)', (nodes) => {
  const started: BenchSystem[] = [];
  afterAll(async () => {
    await Promise.all(started.map((system) => system.stop()));
  });

  it('delivers every confirmed publish to both subscriptions in order, then leaves nothing running', async () => {
    const before = new Set(findProcesses(MARKERS));
    const bootStart = performance.now();
    const system = await rabbitMq({ nodes }).start();
    started.push(system);
    console.log(`rabbitmq ${nodes} node(s) up in ${Math.round(performance.now() - bootStart)} ms`);

    const ours = findProcesses(MARKERS).filter((pid) => !before.has(pid));
    const programs = ours.map(commandOf);
    expect(programs.filter((p) => p.endsWith('beam.smp'))).toHaveLength(nodes);
    expect(programs.some((p) => p.endsWith('epmd'))).toBe(true);

    expect(system.name).toBe(nodes === 1 ? 'rabbitmq' : 'rabbitmq-3');
    expect(system.version).toMatch(/^3\.\d+\.\d+/);
    expect(system.durability).toContain(nodes === 1 ? '1 of 1' : '2 of 3');

    await system.createTopic('orders', ['audit', 'billing']);
    const received = { audit: [] as number[], billing: [] as number[] };
    const subscribers = await Promise.all(
      (['audit', 'billing'] as const).map((sub) =>
        system.subscribe(
          'orders',
          sub,
          (payload) => {
            expect(payload.byteLength).toBe(PAYLOAD_BYTES);
            const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
            received[sub].push(view.getUint32(0));
          },
          CONSUME_WINDOW,
        ),
      ),
    );

    const publisher = await system.publisher('orders');
    const publishStart = performance.now();
    const inFlight = new Set<Promise<void>>();
    let confirmed = 0;
    for (let index = 0; index < MESSAGES; index++) {
      const payload = new Uint8Array(PAYLOAD_BYTES);
      new DataView(payload.buffer).setUint32(0, index);
      const publish = publisher.publish(payload).then(() => {
        confirmed++;
        inFlight.delete(publish);
      });
      inFlight.add(publish);
      if (inFlight.size >= PUBLISH_WINDOW) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    expect(confirmed).toBe(MESSAGES);

    await waitFor(
      () => received.audit.length >= MESSAGES && received.billing.length >= MESSAGES,
      'both subscriptions to receive every message',
      60_000,
    );
    console.log(
      `rabbitmq ${nodes} node(s): ${MESSAGES} published and consumed twice in ` +
        `${Math.round(performance.now() - publishStart)} ms`,
    );
    const expected = Array.from({ length: MESSAGES }, (_, index) => index);
    expect(received.audit).toEqual(expected);
    expect(received.billing).toEqual(expected);

    await publisher.close();
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    const stopStart = performance.now();
    await system.stop();
    console.log(
      `rabbitmq ${nodes} node(s) stopped in ${Math.round(performance.now() - stopStart)} ms`,
    );

    expect(ours.filter(isProcessAlive)).toEqual([]);
    expect(findProcesses(MARKERS).filter((pid) => !before.has(pid))).toEqual([]);
  }, 300_000);
});
