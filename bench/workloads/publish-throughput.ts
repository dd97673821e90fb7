import type { BenchSystem } from '../systems/bench-system.js';
import { runPublishLoop } from './publish-loop.js';
import {
  KB,
  PUBLISH_WINDOW,
  fixed,
  grouped,
  problemOf,
  stepTimeoutMs,
  withProblems,
  type Measurement,
  type Scale,
  type Workload,
} from './workload.js';

const countFor = (size: number, scale: Scale) =>
  size >= KB ? (scale.quick ? 20_000 : 500_000) : scale.quick ? 40_000 : 600_000;

/**
 * Sent first through the same publisher and not measured, as OpenMessaging Benchmark's warm-up:
 * connections, flow-control windows, JIT and the topic's first storage all settle before the clock
 * starts. The same count for every system.
 */
const warmupFor = (scale: Scale) => (scale.quick ? 2_000 : 50_000);

/** One producer on one topic, as fast as its window allows. */
async function publishThroughput(
  system: BenchSystem,
  topic: string,
  size: number,
  scale: Scale,
): Promise<Measurement> {
  await system.createTopic(topic, []);
  const publisher = await system.publisher(topic);
  try {
    const loop = { size, window: PUBLISH_WINDOW, rate: 0, timeoutMs: stepTimeoutMs(scale) };
    const warmup = await runPublishLoop([publisher], { ...loop, count: warmupFor(scale) });
    const result = await runPublishLoop([publisher], { ...loop, count: countFor(size, scale) });
    const entryBytes = await system.averageEntryBytes?.(topic);
    const l = result.latency;
    return withProblems(
      {
        value: result.msgPerSec,
        detail: `${fixed(result.mbPerSec)} MB/s; publish ms p50 ${fixed(l.p50)} p99 ${fixed(l.p99)}`,
        ...(entryBytes === undefined ? {} : { entryBytes }),
      },
      warmup.failed > 0 ? `warm-up: ${problemOf(warmup.failed, warmup.firstError)}` : undefined,
      problemOf(result.failed, result.firstError),
    );
  } finally {
    await publisher.close();
  }
}

export const W1: Workload = {
  id: 'W1',
  title: 'publish throughput, 1 topic, 1 producer',
  deployment: 'single',
  metrics: [
    { key: 'W1-1KB', title: 'W1 publish, 1 KB (msg/s)', unit: 'msg/s', better: 'higher' },
    { key: 'W1-100B', title: 'W1 publish, 100 B (msg/s)', unit: 'msg/s', better: 'higher' },
  ],
  describe: (scale) =>
    `${grouped(countFor(KB, scale))} × 1 KB and ${grouped(countFor(100, scale))} × 100 B, ${grouped(PUBLISH_WINDOW)} in flight, each after ${grouped(warmupFor(scale))} unmeasured`,
  run: async (system, scale) => ({
    'W1-1KB': await publishThroughput(system, 'bench-w1-1kb', KB, scale),
    'W1-100B': await publishThroughput(system, 'bench-w1-100b', 100, scale),
  }),
};

export const W5: Workload = {
  id: 'W5',
  title: 'replicated publish throughput (3 copies)',
  deployment: 'replicated',
  metrics: [
    { key: 'W5', title: 'W5 replicated publish, 1 KB (msg/s)', unit: 'msg/s', better: 'higher' },
  ],
  describe: (scale) =>
    `${grouped(countFor(KB, scale))} × 1 KB, ${grouped(PUBLISH_WINDOW)} in flight, after ${grouped(warmupFor(scale))} unmeasured`,
  run: async (system, scale) => ({
    W5: await publishThroughput(system, 'bench-w5', KB, scale),
  }),
};
