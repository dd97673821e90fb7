import type * as hdr from 'hdr-histogram-js';
import {
  newLatencyHistogram,
  summarizeLatency,
  type LatencySummary,
} from '../../services/common/latency-histogram.js';
import { StampedPayloads } from './stamped-payload.js';

export interface DeliveryResult {
  /** Messages received over all subscriptions. */
  received: number;
  /** Received more than once or out of publish order, over all subscriptions. */
  outOfOrder: number;
  /** Every subscription received everything. */
  complete: boolean;
  /** performance.now() of the first receipt, and of the last subscription's last message. */
  firstAt: number;
  completedAt: number;
  /** Send → receive, over every delivery. */
  latency: LatencySummary;
}

/**
 * Counts what each subscription receives until every one has `expected` messages, checks they
 * came in publish order (one publisher, so index order), and measures send → receive.
 */
export class DeliveryTracker {
  private readonly histogram: hdr.Histogram = newLatencyHistogram();
  private readonly counts: number[];
  private readonly nextIndex: number[];
  private complete = 0;
  private outOfOrder = 0;
  private firstAt = 0;
  private lastAt = 0;
  private done: () => void = () => {};
  private readonly finished = new Promise<void>((resolve) => (this.done = resolve));

  constructor(
    subscriptions: number,
    private readonly expected: number,
  ) {
    this.counts = new Array<number>(subscriptions).fill(0);
    this.nextIndex = new Array<number>(subscriptions).fill(0);
    if (expected === 0) this.done();
  }

  /** The callback for subscription `i`. */
  handler(i: number): (payload: Uint8Array) => void {
    return (payload) => {
      const now = performance.now();
      if (this.firstAt === 0) this.firstAt = now;
      this.histogram.recordValue(Math.max(0, (now - StampedPayloads.sentAt(payload)) * 1000));
      const index = StampedPayloads.indexOf(payload);
      if (index !== this.nextIndex[i]) this.outOfOrder++;
      this.nextIndex[i] = index + 1;
      if (++this.counts[i]! === this.expected) {
        this.lastAt = now;
        if (++this.complete === this.counts.length) this.done();
      }
    };
  }

  /** Resolves when every subscription has everything, or after `timeoutMs` with what came. */
  async wait(timeoutMs: number): Promise<DeliveryResult> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.finished,
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
    const complete = this.complete === this.counts.length;
    return {
      received: this.counts.reduce((a, b) => a + b, 0),
      outOfOrder: this.outOfOrder,
      complete,
      firstAt: this.firstAt,
      completedAt: complete ? this.lastAt : performance.now(),
      latency: summarizeLatency(this.histogram),
    };
  }
}
