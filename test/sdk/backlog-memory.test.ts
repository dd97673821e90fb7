import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GatewayProcess } from '../../deploy/local/strata-roles.js';
import type { StrataClient } from '../../sdk/index.js';
import { startGatewayCluster, type GatewayCluster } from '../harness/gateway-cluster.js';

let setup: GatewayCluster;
let gateway: GatewayProcess;
let strata: StrataClient;

beforeAll(async () => {
  setup = await startGatewayCluster({ nodes: 1 });
  ({ gateway, strata } = setup);
});

afterAll(() => setup?.stop());

/** Resident memory of a process, from /proc (Linux). */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

it(
  'a slow consumer of a 1 GB backlog does not make the gateway hold the backlog in memory',
  { timeout: 240_000 },
  async () => {
    const topic = `backlog-${Date.now()}`;
    const producer = await strata.createProducer({ topic });
    const payload = Buffer.alloc(1024, 0x42);
    const total = 1024 * 1024;
    // 1 GB of 1 KB messages, with a bounded number in flight so the test itself stays small.
    for (let sent = 0; sent < total; sent += 16_384) {
      await Promise.all(Array.from({ length: 16_384 }, () => producer.send({ payload })));
    }
    await producer.close();

    const before = rssBytes(gateway.process.pid);
    const consumer = await strata.subscribe({
      topic,
      subscription: 'slow',
      type: 'shared',
      initialPosition: 'earliest',
      receiverQueueSize: 10,
    });
    let peak = before;
    let received = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(gateway.process.pid))), 100);
    const started = Date.now();
    for await (const message of consumer) {
      message.ack();
      received++;
      if (Date.now() - started > 8_000) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    clearInterval(sampler);
    await consumer.close();
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(
      `backlog: gateway RSS ${(before / 1024 / 1024).toFixed(0)} MB before, peak ${(peak / 1024 / 1024).toFixed(0)} MB while a 10-permit consumer read ${received} messages`,
    );
    expect(received).toBeGreaterThan(100);
    // Reading ahead is bounded (a few batches of entries), not the 1 GB behind it.
    expect(growthMb).toBeLessThan(100);
  },
);
