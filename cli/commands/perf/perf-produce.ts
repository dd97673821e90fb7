import { randomBytes } from 'node:crypto';
import { createClient, type Producer } from '../../../sdk/index.js';
import { StrataError } from '../../../services/common/errors.js';
import { PerfStats, printSummary, startLiveReport } from './perf-report.js';

export interface PerfProduceOptions {
  topic: string;
  serviceUrl: string;
  timeout: number;
  /** Total msg/s over all producers; 0 sends as fast as the window allows. */
  rate: number;
  size: number;
  producers: number;
  /** Seconds; 0 runs until Ctrl-C (or until `messages` are sent). */
  duration: number;
  maxOutstanding: number;
  /** Total messages to send; 0 for no limit. */
  messages: number;
  json: boolean;
}

/** The rate's token bucket is refilled on this tick, never by a timer per message. */
const TICK_MS = 10;
/**
 * The SDK producer holds every unacknowledged message: a window is also kept under this many
 * bytes, so that large messages do not pile up gigabytes (1,000 × 1 MiB).
 */
const MAX_OUTSTANDING_BYTES = 128 * 1024 * 1024;
/** How long a stopped run waits for outstanding receipts before failing them. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * One producer's window: at most `max` sends without a receipt. The SDK resolves a producer's
 * sends in send order, so their start times are kept in a ring, with no allocation per message.
 */
class Lane {
  outstanding = 0;
  private readonly startedAt: Float64Array;
  private head = 0;
  private tail = 0;
  /** The send's two callbacks, made once per lane. */
  readonly ok: () => void;
  readonly failed: (error: unknown) => void;

  constructor(
    readonly producer: Producer,
    max: number,
    settled: (lane: Lane, error?: unknown) => void,
  ) {
    this.startedAt = new Float64Array(max);
    this.ok = () => settled(this);
    this.failed = (error: unknown) => settled(this, error ?? new Error('send failed'));
  }

  push(now: number): void {
    this.startedAt[this.tail] = now;
    this.tail = (this.tail + 1) % this.startedAt.length;
    this.outstanding++;
  }

  shift(): number {
    const at = this.startedAt[this.head] as number;
    this.head = (this.head + 1) % this.startedAt.length;
    this.outstanding--;
    return at;
  }
}

/** `strata perf produce`: sends SIZE-byte messages from P producers and reports latency. */
export async function runPerfProduce(options: PerfProduceOptions): Promise<void> {
  const client = createClient({
    serviceUrl: options.serviceUrl,
    operationTimeoutMs: options.timeout,
  });
  try {
    const producers = await Promise.all(
      Array.from({ length: options.producers }, () =>
        client.createProducer({ topic: options.topic }),
      ),
    );
    await produce(options, producers);
  } finally {
    await client.close();
  }
}

async function produce(options: PerfProduceOptions, producers: Producer[]): Promise<void> {
  // Random bytes: a repeated byte would flatter any compression on the way. One payload, reused:
  // the SDK encodes a message when it is sent.
  const message = { payload: randomBytes(options.size) };
  const limit = options.messages > 0 ? options.messages : Infinity;
  const maxOutstanding = Math.min(
    options.maxOutstanding,
    Math.max(1, Math.floor(MAX_OUTSTANDING_BYTES / Math.max(1, options.size))),
  );
  const stats = new PerfStats();
  let sent = 0;
  let stopped = false;
  // The first message goes at once; the bucket then fills on each tick.
  let tokens = options.rate > 0 ? 1 : 0;
  let onStopped: () => void = () => {};
  let onDrained: () => void = () => {};
  const outstanding = () => lanes.reduce((sum, lane) => sum + lane.outstanding, 0);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    onStopped();
    if (outstanding() === 0) onDrained();
  };

  const send = (lane: Lane): boolean => {
    if (stopped || lane.outstanding >= maxOutstanding) return false;
    if (options.rate > 0) {
      if (tokens < 1) return false;
      tokens--;
    }
    lane.push(performance.now());
    lane.producer.send(message).then(lane.ok, lane.failed);
    if (++sent >= limit) stop();
    return true;
  };

  let retryTimer: NodeJS.Timeout | undefined;
  const settled = (lane: Lane, error?: unknown) => {
    const at = lane.shift();
    if (error === undefined) {
      stats.record((performance.now() - at) * 1000, options.size);
      send(lane);
    } else {
      stats.recordError(error);
      // Nothing has got through and retrying cannot help: a bad setup, not a slow server.
      if (stats.messages === 0 && !(error instanceof StrataError && error.retriable)) stop();
      // No resend straight from a failure, which could spin without ever yielding.
      else if (!stopped) retryTimer ??= setTimeout(() => ((retryTimer = undefined), pump()), 100);
    }
    if (stopped && outstanding() === 0) onDrained();
  };

  const lanes = producers.map((p) => new Lane(p, maxOutstanding, settled));

  /** Sends round-robin over the lanes until the tokens, the windows or the limit run out. */
  const pump = () => {
    let progress = true;
    while (progress) {
      progress = false;
      for (const lane of lanes) progress = send(lane) || progress;
    }
  };

  const stoppedSending = new Promise<void>((resolve) => (onStopped = resolve));
  const drained = new Promise<void>((resolve) => (onDrained = resolve));
  const onSigint = () => {
    // A second Ctrl-C does not wait for the outstanding receipts.
    if (stopped) process.exit(130);
    stop();
  };
  process.on('SIGINT', onSigint);
  const durationTimer =
    options.duration > 0 ? setTimeout(stop, options.duration * 1000) : undefined;
  const stopLive = startLiveReport(
    stats,
    'produce',
    options.json,
    () => `  (outstanding ${outstanding()}${stats.errors > 0 ? `, errors ${stats.errors}` : ''})`,
  );
  let last = performance.now();
  const ticker =
    options.rate > 0
      ? setInterval(() => {
          const now = performance.now();
          // At most 100 ms of burst: a run held back by its windows does not catch up at once.
          const cap = Math.max(1, options.rate / 10);
          tokens = Math.min(cap, tokens + (options.rate * (now - last)) / 1000);
          last = now;
          pump();
        }, TICK_MS)
      : undefined;

  try {
    pump();
    await stoppedSending;
    clearInterval(ticker);
    clearTimeout(durationTimer);
    // Wait for the receipts still due; after the drain window, closing fails what is left.
    let drainTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      drained,
      new Promise((r) => (drainTimer = setTimeout(r, DRAIN_TIMEOUT_MS))),
    ]);
    clearTimeout(drainTimer);
    if (outstanding() > 0) {
      await Promise.all(lanes.map((lane) => lane.producer.close(0)));
      await drained;
    }
  } finally {
    clearInterval(ticker);
    clearTimeout(durationTimer);
    clearTimeout(retryTimer);
    stopLive();
    process.off('SIGINT', onSigint);
  }

  const summary = stats.summary();
  printSummary('produce', summary, options.json);
  if (summary.messages === 0 && summary.errors > 0) {
    throw new Error(`all ${summary.errors} sends failed: ${summary.firstError}`);
  }
}
