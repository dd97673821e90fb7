import type { BenchSystem } from '../systems/bench-system.js';

/** One cell of the report: a system's figure for one metric. */
export interface Measurement {
  value: number;
  /** The other figures behind it, for a person: rates, percentiles, counts. */
  detail: string;
  /** Set when the figure is not to be trusted: failed publishes, a timeout, missing messages. */
  problem?: string;
  /** Strata only: the average stored entry (batch) size, for the storage ceiling. */
  entryBytes?: number;
}

export interface MetricSpec {
  key: string;
  title: string;
  unit: 'msg/s' | 'ms';
  better: 'higher' | 'lower';
}

export interface Scale {
  quick: boolean;
}

/** Single-node deployments, or each system replicated three ways (W5). */
export type Deployment = 'single' | 'replicated';

/** A workload: the same code runs it against every system of its deployment. */
export interface Workload {
  id: string;
  title: string;
  deployment: Deployment;
  metrics: MetricSpec[];
  /** What was run, for the report, e.g. "150,000 × 1 KB at 5,000 msg/s". */
  describe(scale: Scale): string;
  run(system: BenchSystem, scale: Scale): Promise<Record<string, Measurement>>;
}

/** Publishes allowed in flight per publisher, the same for every system. */
export const PUBLISH_WINDOW = 1_000;
/** Messages a subscriber may hold unacknowledged (prefetch, receiver queue, max ack pending). */
export const SUBSCRIBE_WINDOW = 1_000;
export const KB = 1024;

/** A step that has not finished by then is reported as a problem rather than hanging the run. */
export function stepTimeoutMs(scale: Scale): number {
  return scale.quick ? 60_000 : 600_000;
}

export const grouped = (n: number) => Math.round(n).toLocaleString('en-US');
export const fixed = (n: number) => n.toFixed(n < 10 ? 2 : 1);

export function problemOf(failed: number, firstError?: string): string | undefined {
  return failed > 0 ? `${grouped(failed)} failed: ${firstError ?? 'unknown error'}` : undefined;
}

/** Joins problems, leaving the key out when there are none. */
export function withProblems(
  measurement: Measurement,
  ...problems: Array<string | undefined>
): Measurement {
  const found = problems.filter((p): p is string => p !== undefined);
  return found.length === 0 ? measurement : { ...measurement, problem: found.join('; ') };
}
