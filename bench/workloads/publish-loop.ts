import {
  newLatencyHistogram,
  summarizeLatency,
  type LatencySummary,
} from '../../services/common/latency-histogram.js';
import type { BenchPublisher } from '../systems/bench-system.js';
import { StampedPayloads } from './stamped-payload.js';

export interface PublishLoopOptions {
  /** Messages to send over all publishers. */
  count: number;
  size: number;
  /** Unresolved publishes allowed per publisher. */
  window: number;
  /** Total msg/s over all publishers; 0 sends as fast as the windows allow. */
  rate: number;
  /** A run that has not settled by then stops waiting and counts what is missing as failed. */
  timeoutMs: number;
}

export interface PublishLoopResult {
  messages: number;
  failed: number;
  firstError?: string;
  seconds: number;
  msgPerSec: number;
  /** MB = 10^6 bytes of payload. */
  mbPerSec: number;
  /** Publish call → the system's ack. */
  latency: LatencySummary;
}

/** The token bucket's tick: 1 ms keeps a fixed rate smooth rather than in bursts. */
const TICK_MS = 1;

/**
 * Publishes `count` stamped messages round-robin over the publishers, each with its own bounded
 * window of unacknowledged publishes, at a fixed total rate or as fast as the windows allow, and
 * measures each publish's latency to its ack. The same loop drives every system.
 */
export async function runPublishLoop(
  publishers: BenchPublisher[],
  options: PublishLoopOptions,
): Promise<PublishLoopResult> {
  const payloads = new StampedPayloads(options.size);
  const histogram = newLatencyHistogram();
  const outstanding = new Int32Array(publishers.length);
  let sent = 0;
  let settled = 0;
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  let tokens = options.rate > 0 ? 1 : Infinity;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));

  const onSettled = (lane: number) => {
    outstanding[lane]!--;
    if (++settled === options.count) done();
    else if (options.rate === 0) pump();
  };

  const publishOne = (lane: number) => {
    const publisher = publishers[lane] as BenchPublisher;
    const startedAt = performance.now();
    outstanding[lane]!++;
    publisher.publish(payloads.next(sent++)).then(
      () => {
        histogram.recordValue(Math.max(0, (performance.now() - startedAt) * 1000));
        onSettled(lane);
      },
      (error: unknown) => {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
        onSettled(lane);
      },
    );
  };

  /** Sends round-robin until the tokens, the windows or the count run out. */
  const pump = () => {
    let blocked = 0;
    while (sent < options.count && tokens >= 1 && blocked < publishers.length) {
      const lane = next;
      next = (next + 1) % publishers.length;
      if ((outstanding[lane] as number) >= options.window) {
        blocked++;
        continue;
      }
      blocked = 0;
      tokens--;
      publishOne(lane);
    }
  };

  const startedAt = performance.now();
  let last = startedAt;
  const ticker =
    options.rate > 0
      ? setInterval(() => {
          const now = performance.now();
          // At most 10 ms of burst: a run held back by its windows does not catch up at once.
          tokens = Math.min(
            Math.max(1, options.rate / 100),
            tokens + (options.rate * (now - last)) / 1000,
          );
          last = now;
          pump();
        }, TICK_MS)
      : undefined;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.timeoutMs)));
  try {
    if (options.count === 0) done();
    pump();
    await Promise.race([finished, timedOut]);
  } finally {
    clearInterval(ticker);
    clearTimeout(timer);
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const unsettled = options.count - settled;
  if (unsettled > 0) {
    failed += unsettled;
    firstError ??= `${unsettled} publishes unacknowledged after ${options.timeoutMs} ms`;
  }
  const messages = options.count - failed;
  return {
    messages,
    failed,
    ...(firstError === undefined ? {} : { firstError }),
    seconds,
    msgPerSec: messages / seconds,
    mbPerSec: (messages * options.size) / 1e6 / seconds,
    latency: summarizeLatency(histogram),
  };
}
