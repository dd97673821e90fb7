import { SeededRandom } from './seeded-random.js';

export const FAULT_KINDS = [
  'kill-gateway',
  'pause-gateway',
  'kill-storage-node',
  'kill-metadata',
  'cut-storage-node',
  'restart-all',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** One fault to inject: at `atMs` after the start, on `target`, lifted after `holdMs`. */
export interface PlannedFault {
  atMs: number;
  kind: FaultKind;
  /** A role id (gateway-2, storage-3, metadata-1, etcd-2), or `all`. */
  target: string;
  holdMs: number;
  /** For cut-storage-node: drop everything, or delay every chunk. */
  cut?: { mode: 'drop' } | { mode: 'delay'; delayMs: number };
}

export interface FaultPlanOptions {
  seed: number;
  durationMs: number;
  kinds: readonly FaultKind[];
  gateways: string[];
  storageNodes: string[];
  /** The metadata roles that may be killed (metadata-1, or etcd members). */
  metadataRoles: string[];
  /** A pause must outlast the gateway's lease for another to take its topics over. */
  gatewayLeaseMs: number;
}

/** How long each kind of fault lasts, at most; faults never overlap, so the gaps follow from it. */
const MAX_HOLD_MS: Record<FaultKind, number> = {
  'kill-gateway': 8_000,
  'pause-gateway': 9_000,
  'kill-storage-node': 10_000,
  'kill-metadata': 5_000,
  'cut-storage-node': 10_000,
  'restart-all': 0,
};

/**
 * The faults of a run, one at a time, drawn from the seed. Every kind asked for comes once before
 * any comes again (a shuffled round), so a run long enough injects each at least once. The last
 * fifth of the run is left quiet, for the cluster to settle before the drain.
 */
export function planFaults(options: FaultPlanOptions): PlannedFault[] {
  const random = new SeededRandom(options.seed);
  const plan: PlannedFault[] = [];
  const quietFrom = options.durationMs * 0.8;
  let at = 5_000;
  let round: FaultKind[] = [];
  for (;;) {
    if (round.length === 0) round = random.shuffle(options.kinds);
    const kind = round.shift() as FaultKind;
    const fault = draw(random, kind, options, at);
    if (fault.atMs + fault.holdMs > quietFrom) break;
    plan.push(fault);
    // Time to recover (a new owner, an ensemble change) before the next fault.
    at = fault.atMs + fault.holdMs + random.int(4_000, 10_000);
  }
  return plan;
}

function draw(
  random: SeededRandom,
  kind: FaultKind,
  options: FaultPlanOptions,
  atMs: number,
): PlannedFault {
  const hold = (min: number) => random.int(min, Math.max(min, MAX_HOLD_MS[kind]));
  switch (kind) {
    case 'kill-gateway':
      return { atMs, kind, target: random.pick(options.gateways), holdMs: hold(2_000) };
    case 'pause-gateway':
      return {
        atMs,
        kind,
        target: random.pick(options.gateways),
        holdMs: random.int(options.gatewayLeaseMs + 1_000, options.gatewayLeaseMs + 6_000),
      };
    case 'kill-storage-node':
      return { atMs, kind, target: random.pick(options.storageNodes), holdMs: hold(2_000) };
    case 'kill-metadata':
      return { atMs, kind, target: random.pick(options.metadataRoles), holdMs: hold(1_000) };
    case 'cut-storage-node':
      return {
        atMs,
        kind,
        target: random.pick(options.storageNodes),
        holdMs: hold(3_000),
        cut:
          random.next() < 0.5
            ? { mode: 'drop' }
            : { mode: 'delay', delayMs: random.int(200, 1_500) },
      };
    case 'restart-all':
      return { atMs, kind, target: 'all', holdMs: 0 };
  }
}
