import {
  maxMs,
  newLatencyHistogram,
  percentileMs,
  summarizeLatency,
  type LatencySummary,
} from '../../../services/common/latency-histogram.js';

/** What `--json` prints: one object for the whole run. */
export interface PerfSummary {
  messages: number;
  bytes: number;
  durationSeconds: number;
  msgPerSec: number;
  /** MB here is 2^20 bytes, as pulsar-perf's MB/s. */
  mbPerSec: number;
  latencyMs: LatencySummary;
  errors: number;
  firstError?: string;
}

const MB = 1024 * 1024;

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (value: number) => value.toFixed(value < 1 ? 2 : 1);

/**
 * Counters and latency histograms (microseconds) for one perf run: one histogram per reporting
 * interval, folded into the run's total when the interval's line is printed.
 */
export class PerfStats {
  messages = 0;
  bytes = 0;
  errors = 0;
  firstError: string | undefined;
  private readonly interval = newLatencyHistogram();
  private readonly total = newLatencyHistogram();
  private intervalMessages = 0;
  private intervalBytes = 0;
  private intervalStartedAt: number;

  constructor(private readonly startedAt = performance.now()) {
    this.intervalStartedAt = startedAt;
  }

  record(latencyMicros: number, bytes: number): void {
    this.interval.recordValue(latencyMicros > 0 ? latencyMicros : 0);
    this.intervalMessages++;
    this.intervalBytes += bytes;
    this.messages++;
    this.bytes += bytes;
  }

  recordError(error: unknown): void {
    this.errors++;
    this.firstError ??= error instanceof Error ? error.message : String(error);
  }

  /**
   * The live line for the interval that just ended, e.g.
   * `produce: 51,234 msg/s  50.0 MB/s  latency ms p50 1.9 p99 6.4 p99.9 9.8 max 12.1`.
   */
  intervalLine(label: string, now = performance.now()): string {
    const seconds = Math.max(1e-3, (now - this.intervalStartedAt) / 1000);
    const h = this.interval;
    const latency =
      h.totalCount === 0
        ? 'latency ms -'
        : `latency ms p50 ${fixed(percentileMs(h, 50))} p99 ${fixed(percentileMs(h, 99))} p99.9 ${fixed(percentileMs(h, 99.9))} max ${fixed(maxMs(h))}`;
    const line = `${label}: ${grouped(this.intervalMessages / seconds)} msg/s  ${(this.intervalBytes / MB / seconds).toFixed(1)} MB/s  ${latency}`;
    this.roll(now);
    return line;
  }

  summary(now = performance.now()): PerfSummary {
    this.roll(now);
    const seconds = Math.max(1e-3, (now - this.startedAt) / 1000);
    const h = this.total;
    return {
      messages: this.messages,
      bytes: this.bytes,
      durationSeconds: Math.round(seconds * 1000) / 1000,
      msgPerSec: Math.round((this.messages / seconds) * 10) / 10,
      mbPerSec: Math.round((this.bytes / MB / seconds) * 1000) / 1000,
      latencyMs: summarizeLatency(h),
      errors: this.errors,
      ...(this.firstError === undefined ? {} : { firstError: this.firstError }),
    };
  }

  private roll(now: number): void {
    if (this.interval.totalCount > 0) this.total.add(this.interval);
    this.interval.reset();
    this.intervalMessages = 0;
    this.intervalBytes = 0;
    this.intervalStartedAt = now;
  }
}

/** The final summary: one JSON object on stdout with `--json`, else a block a person reads. */
export function printSummary(label: string, summary: PerfSummary, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const l = summary.latencyMs;
  const lines = [
    `${label} summary:`,
    `  messages   ${grouped(summary.messages)} in ${summary.durationSeconds.toFixed(1)} s (${grouped(summary.bytes)} bytes)`,
    `  throughput ${grouped(summary.msgPerSec)} msg/s  ${summary.mbPerSec.toFixed(1)} MB/s`,
    summary.messages === 0
      ? '  latency ms -'
      : `  latency ms p50 ${fixed(l.p50)}  p95 ${fixed(l.p95)}  p99 ${fixed(l.p99)}  p99.9 ${fixed(l.p999)}  max ${fixed(l.max)}  mean ${fixed(l.mean)}`,
    `  errors     ${grouped(summary.errors)}${summary.firstError ? ` (first: ${summary.firstError})` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Prints the live line every second (stderr when stdout carries JSON); returns a stop function. */
export function startLiveReport(
  stats: PerfStats,
  label: string,
  json: boolean,
  extra: () => string = () => '',
): () => void {
  const out = json ? process.stderr : process.stdout;
  const timer = setInterval(() => out.write(`${stats.intervalLine(label)}${extra()}\n`), 1000);
  return () => clearInterval(timer);
}
