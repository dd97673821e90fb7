import type { LatencySummary } from '../../services/common/latency-histogram.js';
import { DeliveryTracker } from './delivery-tracker.js';
import { runPublishLoop } from './publish-loop.js';
import {
  KB,
  PUBLISH_WINDOW,
  SUBSCRIBE_WINDOW,
  fixed,
  grouped,
  problemOf,
  stepTimeoutMs,
  withProblems,
  type Measurement,
  type Scale,
  type Workload,
} from './workload.js';

const RATE = 5_000;
const secondsFor = (scale: Scale) => (scale.quick ? 5 : 30);
const countFor = (scale: Scale) => RATE * secondsFor(scale);

const percentiles = (l: LatencySummary) =>
  `ms p50 ${fixed(l.p50)} p99 ${fixed(l.p99)} p99.9 ${fixed(l.p999)} max ${fixed(l.max)}`;

export const W2: Workload = {
  id: 'W2',
  title: 'publish latency at a fixed rate',
  deployment: 'single',
  metrics: [
    { key: 'W2', title: 'W2 publish latency p99, 5,000 msg/s (ms)', unit: 'ms', better: 'lower' },
  ],
  describe: (scale) =>
    `${grouped(RATE)} msg/s × 1 KB for ${secondsFor(scale)} s, publish → ack, ${grouped(PUBLISH_WINDOW)} in flight at most`,
  async run(system, scale) {
    const topic = 'bench-w2';
    await system.createTopic(topic, []);
    const publisher = await system.publisher(topic);
    try {
      const result = await runPublishLoop([publisher], {
        count: countFor(scale),
        size: KB,
        window: PUBLISH_WINDOW,
        rate: RATE,
        timeoutMs: stepTimeoutMs(scale),
      });
      const measurement: Measurement = {
        value: result.latency.p99,
        detail: `${percentiles(result.latency)}; ${grouped(result.msgPerSec)} msg/s`,
      };
      return { W2: withProblems(measurement, problemOf(result.failed, result.firstError)) };
    } finally {
      await publisher.close();
    }
  },
};

export const W3: Workload = {
  id: 'W3',
  title: 'end-to-end latency at a fixed rate',
  deployment: 'single',
  metrics: [
    {
      key: 'W3',
      title: 'W3 end-to-end latency p99, 5,000 msg/s (ms)',
      unit: 'ms',
      better: 'lower',
    },
  ],
  describe: (scale) =>
    `${grouped(RATE)} msg/s × 1 KB for ${secondsFor(scale)} s, send → receive by 1 subscriber acking each`,
  async run(system, scale) {
    const topic = 'bench-w3';
    const count = countFor(scale);
    await system.createTopic(topic, ['e2e']);
    const tracker = new DeliveryTracker(1, count);
    const subscriber = await system.subscribe(topic, 'e2e', tracker.handler(0), SUBSCRIBE_WINDOW);
    const publisher = await system.publisher(topic);
    try {
      const published = await runPublishLoop([publisher], {
        count,
        size: KB,
        window: PUBLISH_WINDOW,
        rate: RATE,
        timeoutMs: stepTimeoutMs(scale),
      });
      const delivered = await tracker.wait(stepTimeoutMs(scale));
      const measurement: Measurement = {
        value: delivered.latency.p99,
        detail: `${percentiles(delivered.latency)}; ${grouped(delivered.received)} received`,
      };
      return {
        W3: withProblems(
          measurement,
          problemOf(published.failed, published.firstError),
          delivered.complete ? undefined : `${grouped(count - delivered.received)} not received`,
          delivered.outOfOrder > 0 ? `${grouped(delivered.outOfOrder)} out of order` : undefined,
        ),
      };
    } finally {
      await publisher.close();
      await subscriber.close();
    }
  },
};
