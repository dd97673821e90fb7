import type { DiskSyncResult } from '../limits/disk-sync-probe.js';
import type { GrpcLoopbackResult } from '../limits/grpc-loopback.js';
import type { RawResult } from '../limits/raw-leveldb.js';
import type { Deployment, Measurement, MetricSpec } from '../workloads/workload.js';

/** The columns of the report: each product, whichever deployment of it ran the row. */
export const PRODUCTS = ['strata', 'jetstream', 'rabbitmq'] as const;
export type Product = (typeof PRODUCTS)[number];

export const PRODUCT_TITLES: Record<Product, string> = {
  strata: 'Strata',
  jetstream: 'NATS JetStream',
  rabbitmq: 'RabbitMQ',
};

export function productOf(systemName: string): Product {
  const product = PRODUCTS.find((p) => systemName === p || systemName.startsWith(`${p}-`));
  if (!product) throw new Error(`no product for system ${systemName}`);
  return product;
}

export interface SystemInfo {
  name: string;
  deployment: Deployment;
  version: string;
  durability: string;
}

export interface Cell extends Measurement {
  system: string;
}

export interface ReportRow extends MetricSpec {
  cells: Partial<Record<Product, Cell>>;
}

export interface Target {
  text: string;
  /** undefined when a figure it needs is missing. */
  met: boolean | undefined;
  figures: string;
}

export interface Limits {
  rawLevelDb: Array<RawResult & { label: string }>;
  grpcLoopback: GrpcLoopbackResult[];
}

/**
 * Workloads (and their rows, keyed alike) whose p99 rides on single syncs: the disk is probed just
 * before and after them.
 */
export const LATENCY_WORKLOADS: ReadonlySet<string> = new Set(['W2', 'W3']);

/** The disk probe run with one system idle, right before or after its latency workloads. */
export interface DiskProbe extends DiskSyncResult {
  system: string;
  when: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: string;
  quick: boolean;
  systems: SystemInfo[];
  workloads: Array<{ id: string; title: string; description: string }>;
  rows: ReportRow[];
  limits: Limits;
  /** The disk's own sync latency around each system's latency workloads (W2, W3). */
  disk: DiskProbe[];
  targets: Target[];
  /** Systems that failed to start, workloads that threw. */
  problems: string[];
}

/**
 * How many times better Strata is than a peer on a row: Strata ÷ peer for throughput, peer ÷
 * Strata for latency, so above 1 always means Strata leads.
 */
export function ratio(row: ReportRow, peer: Product): number | undefined {
  const strata = row.cells.strata?.value;
  const other = row.cells[peer]?.value;
  if (strata === undefined || other === undefined || strata <= 0 || other <= 0) return undefined;
  return row.better === 'higher' ? strata / other : other / strata;
}
