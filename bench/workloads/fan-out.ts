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
  type Scale,
  type Workload,
} from './workload.js';

const SUBSCRIPTIONS = ['s1', 's2', 's3', 's4'];
const countFor = (scale: Scale) => (scale.quick ? 10_000 : 100_000);

export const W6: Workload = {
  id: 'W6',
  title: 'fan-out to 4 subscriptions',
  deployment: 'single',
  metrics: [
    {
      key: 'W6',
      title: 'W6 fan-out, 1 → 4 subscriptions, 1 KB (deliveries/s)',
      unit: 'msg/s',
      better: 'higher',
    },
  ],
  describe: (scale) =>
    `${grouped(countFor(scale))} × 1 KB from 1 producer as fast as it can, 4 subscriptions each receiving and acking all, consuming while it publishes`,
  async run(system, scale) {
    const topic = 'bench-w6';
    const count = countFor(scale);
    await system.createTopic(topic, SUBSCRIPTIONS);
    const tracker = new DeliveryTracker(SUBSCRIPTIONS.length, count);
    const subscribers = await Promise.all(
      SUBSCRIPTIONS.map((s, i) => system.subscribe(topic, s, tracker.handler(i), SUBSCRIBE_WINDOW)),
    );
    const publisher = await system.publisher(topic);
    try {
      const startedAt = performance.now();
      const published = await runPublishLoop([publisher], {
        count,
        size: KB,
        window: PUBLISH_WINDOW,
        rate: 0,
        timeoutMs: stepTimeoutMs(scale),
      });
      const delivered = await tracker.wait(stepTimeoutMs(scale));
      const seconds = (delivered.completedAt - startedAt) / 1000;
      const expected = count * SUBSCRIPTIONS.length;
      return {
        W6: withProblems(
          {
            value: delivered.received / seconds,
            detail: `${grouped(delivered.received)} deliveries in ${seconds.toFixed(1)} s; published at ${grouped(published.msgPerSec)} msg/s; end-to-end ms p99 ${fixed(delivered.latency.p99)}`,
          },
          problemOf(published.failed, published.firstError),
          delivered.complete ? undefined : `${grouped(expected - delivered.received)} not received`,
          delivered.outOfOrder > 0 ? `${grouped(delivered.outOfOrder)} out of order` : undefined,
        ),
      };
    } finally {
      await publisher.close();
      await Promise.all(subscribers.map((s) => s.close()));
    }
  },
};
