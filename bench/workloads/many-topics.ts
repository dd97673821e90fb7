import type { BenchPublisher, BenchSystem } from '../systems/bench-system.js';
import { runPublishLoop } from './publish-loop.js';
import {
  KB,
  fixed,
  grouped,
  problemOf,
  stepTimeoutMs,
  withProblems,
  type Scale,
  type Workload,
} from './workload.js';

const topicsFor = (scale: Scale) => (scale.quick ? 100 : 1_000);
const secondsFor = (scale: Scale) => (scale.quick ? 5 : 30);
/** Each topic's producer sends this many msg/s: a low rate, so the count of topics is the load. */
const RATE_PER_TOPIC = 10;
const WINDOW_PER_PUBLISHER = 100;
/** Topics are set up this many at a time. */
const SETUP_CONCURRENCY = 20;

async function inBatches<T>(items: string[], work: (item: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < items.length; i += SETUP_CONCURRENCY) {
    results.push(...(await Promise.all(items.slice(i, i + SETUP_CONCURRENCY).map(work))));
  }
  return results;
}

async function setUp(system: BenchSystem, topics: string[]): Promise<BenchPublisher[]> {
  return inBatches(topics, async (topic) => {
    await system.createTopic(topic, []);
    return system.publisher(topic);
  });
}

export const W7: Workload = {
  id: 'W7',
  title: 'many topics at a low rate',
  deployment: 'single',
  metrics: [
    {
      key: 'W7-rate',
      title: 'W7 many topics, throughput (msg/s)',
      unit: 'msg/s',
      better: 'higher',
    },
    { key: 'W7-p99', title: 'W7 many topics, publish p99 (ms)', unit: 'ms', better: 'lower' },
  ],
  describe: (scale) =>
    `${grouped(topicsFor(scale))} topics × 1 producer × ${RATE_PER_TOPIC} msg/s × 1 KB for ${secondsFor(scale)} s (setup not timed)`,
  async run(system, scale) {
    const topics = Array.from({ length: topicsFor(scale) }, (_, i) => `bench-w7-${i}`);
    const publishers = await setUp(system, topics);
    try {
      const rate = topics.length * RATE_PER_TOPIC;
      const result = await runPublishLoop(publishers, {
        count: rate * secondsFor(scale),
        size: KB,
        window: WINDOW_PER_PUBLISHER,
        rate,
        timeoutMs: stepTimeoutMs(scale),
      });
      const problem = problemOf(result.failed, result.firstError);
      const l = result.latency;
      return {
        'W7-rate': withProblems(
          {
            value: result.msgPerSec,
            detail: `offered ${grouped(rate)} msg/s over ${grouped(topics.length)} topics`,
          },
          problem,
        ),
        'W7-p99': withProblems(
          {
            value: l.p99,
            detail: `ms p50 ${fixed(l.p50)} p99 ${fixed(l.p99)} p99.9 ${fixed(l.p999)} max ${fixed(l.max)}`,
          },
          problem,
        ),
      };
    } finally {
      await Promise.all(publishers.map((p) => p.close()));
    }
  },
};
