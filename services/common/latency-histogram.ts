import * as hdr from 'hdr-histogram-js';

/** Latency percentiles in milliseconds. */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** A histogram of latencies in microseconds that resizes itself past an hour rather than throwing. */
export function newLatencyHistogram(): hdr.Histogram {
  return hdr.build({
    useWebAssembly: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

const ms = (micros: number) => Math.round(micros) / 1000;

/**
 * A percentile in ms. HDR answers with the top of the value's bucket, which can lie above the
 * exact maximum it also keeps: no percentile is reported above the maximum.
 */
export function percentileMs(h: hdr.Histogram, percentile: number): number {
  return h.totalCount === 0 ? 0 : ms(Math.min(h.getValueAtPercentile(percentile), h.maxValue));
}

export function maxMs(h: hdr.Histogram): number {
  return h.totalCount === 0 ? 0 : ms(h.maxValue);
}

export function summarizeLatency(h: hdr.Histogram): LatencySummary {
  return {
    p50: percentileMs(h, 50),
    p95: percentileMs(h, 95),
    p99: percentileMs(h, 99),
    p999: percentileMs(h, 99.9),
    max: maxMs(h),
    mean: h.totalCount === 0 ? 0 : ms(h.mean),
  };
}
