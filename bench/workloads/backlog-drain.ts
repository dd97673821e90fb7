import { DeliveryTracker } from './delivery-tracker.js';
import { runPublishLoop } from './publish-loop.js';
import {
  KB,
  PUBLISH_WINDOW,
  SUBSCRIBE_WINDOW,
  grouped,
  problemOf,
  stepTimeoutMs,
  withProblems,
  type Scale,
  type Workload,
} from './workload.js';

const countFor = (scale: Scale) => (scale.quick ? 50_000 : 1_000_000);

export const W4: Workload = {
  id: 'W4',
  title: 'backlog drain',
  deployment: 'single',
  metrics: [
    { key: 'W4', title: 'W4 backlog drain, 1 KB (msg/s)', unit: 'msg/s', better: 'higher' },
  ],
  describe: (scale) =>
    `${grouped(countFor(scale))} × 1 KB written first, then 1 subscriber reads and acks all (${grouped(SUBSCRIBE_WINDOW)} unacked at most)`,
  async run(system, scale) {
    const topic = 'bench-w4';
    const count = countFor(scale);
    await system.createTopic(topic, ['drain']);
    const publisher = await system.publisher(topic);
    let written;
    try {
      written = await runPublishLoop([publisher], {
        count,
        size: KB,
        window: PUBLISH_WINDOW,
        rate: 0,
        timeoutMs: stepTimeoutMs(scale) * 2,
      });
    } finally {
      await publisher.close();
    }
    const tracker = new DeliveryTracker(1, written.messages);
    const startedAt = performance.now();
    const subscriber = await system.subscribe(topic, 'drain', tracker.handler(0), SUBSCRIBE_WINDOW);
    try {
      const drained = await tracker.wait(stepTimeoutMs(scale));
      const seconds = (drained.completedAt - startedAt) / 1000;
      return {
        W4: withProblems(
          {
            value: drained.received / seconds,
            detail: `${grouped(drained.received)} in ${seconds.toFixed(1)} s; written at ${grouped(written.msgPerSec)} msg/s`,
          },
          problemOf(written.failed, written.firstError),
          drained.complete
            ? undefined
            : `${grouped(written.messages - drained.received)} not received`,
          drained.outOfOrder > 0 ? `${grouped(drained.outOfOrder)} out of order` : undefined,
        ),
      };
    } finally {
      await subscriber.close();
    }
  },
};
