import { ratio, type Limits, type Product, type ReportRow, type Target } from './bench-report.js';

const times = (r: number | undefined) => (r === undefined ? 'n/a' : `${r.toFixed(2)}×`);

function ratioTarget(
  rows: ReportRow[],
  key: string,
  peer: Product,
  needed: number,
  text: string,
): Target {
  const row = rows.find((r) => r.key === key);
  const r = row ? ratio(row, peer) : undefined;
  return { text, met: r === undefined ? undefined : r >= needed, figures: times(r) };
}

/** Strata's p99 at or below the best peer's. */
function latencyTarget(rows: ReportRow[], key: string, text: string): Target {
  const row = rows.find((r) => r.key === key);
  const strata = row?.cells.strata?.value;
  const peers = (['jetstream', 'rabbitmq'] as const)
    .map((p) => row?.cells[p]?.value)
    .filter((v): v is number => v !== undefined);
  if (strata === undefined || peers.length === 0) return { text, met: undefined, figures: 'n/a' };
  const best = Math.min(...peers);
  return {
    text,
    met: strata <= best,
    figures: `Strata ${strata.toFixed(1)} ms, best peer ${best.toFixed(1)} ms`,
  };
}

/** W1 at 1 KB against the raw LevelDB synced ceiling at the entry size Strata wrote. */
function ceilingTarget(rows: ReportRow[], limits: Limits): Target {
  const text = 'W1 1 KB reaches ≥ 50% of the raw LevelDB synced ceiling at the same entry size';
  const cell = rows.find((r) => r.key === 'W1-1KB')?.cells.strata;
  const ceiling = limits.rawLevelDb.find((l) => l.label === 'entry');
  if (!cell || !ceiling) return { text, met: undefined, figures: 'n/a' };
  const strataMb = (cell.value * 1024) / 1e6;
  const share = strataMb / ceiling.megabytesPerSecond;
  return {
    text,
    met: share >= 0.5,
    figures: `${strataMb.toFixed(1)} of ${ceiling.megabytesPerSecond.toFixed(1)} MB/s = ${(share * 100).toFixed(0)}%`,
  };
}

/** The targets, judged on this run's figures. */
export function judgeTargets(rows: ReportRow[], limits: Limits): Target[] {
  return [
    ratioTarget(rows, 'W1-1KB', 'jetstream', 3, 'W1 1 KB: Strata standalone ≥ 3× NATS JetStream'),
    ratioTarget(rows, 'W1-1KB', 'rabbitmq', 3, 'W1 1 KB: Strata standalone ≥ 3× RabbitMQ'),
    latencyTarget(rows, 'W2', "W2: Strata's publish p99 ≤ the best peer's"),
    latencyTarget(rows, 'W3', "W3: Strata's end-to-end p99 ≤ the best peer's"),
    ratioTarget(rows, 'W4', 'jetstream', 1.5, 'W4: Strata ≥ 1.5× NATS JetStream'),
    ratioTarget(rows, 'W5', 'jetstream', 2, 'W5: Strata cluster ≥ 2× JetStream R3'),
    ceilingTarget(rows, limits),
  ];
}
