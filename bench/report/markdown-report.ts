import {
  PRODUCTS,
  PRODUCT_TITLES,
  productOf,
  ratio,
  type BenchReport,
  type Cell,
  type ReportRow,
} from './bench-report.js';

const grouped = (n: number) => Math.round(n).toLocaleString('en-US');
const KB = 1024;

function formatValue(row: ReportRow, cell: Cell | undefined): string {
  if (!cell) return '—';
  const value = row.unit === 'ms' ? cell.value.toFixed(1) : grouped(cell.value);
  return cell.problem ? `${value} ⚠` : value;
}

function formatSize(bytes: number): string {
  return bytes >= KB ? `${(bytes / KB).toFixed(bytes % KB === 0 ? 0 : 1)} KB` : `${bytes} B`;
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function mainTable(report: BenchReport): string[] {
  const peers = PRODUCTS.filter((p) => p !== 'strata');
  const header = [
    'workload',
    ...PRODUCTS.map((p) => PRODUCT_TITLES[p]),
    ...peers.map((p) => `Strata vs ${PRODUCT_TITLES[p]}`),
  ];
  const rows = report.rows.map((row) => [
    row.title,
    ...PRODUCTS.map((p) => formatValue(row, row.cells[p])),
    ...peers.map((p) => {
      const r = ratio(row, p);
      return r === undefined ? '—' : `${r.toFixed(2)}×`;
    }),
  ]);
  return table(header, rows);
}

function limitsTable(report: BenchReport): string[] {
  const w1 = report.rows.find((r) => r.key === 'W1-1KB')?.cells.strata;
  const w1Small = report.rows.find((r) => r.key === 'W1-100B')?.cells.strata;
  const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
  const rows: string[][] = report.limits.rawLevelDb.map((l) => {
    const strataMb = w1 ? (w1.value * KB) / 1e6 : undefined;
    return [
      `raw LevelDB, synced batches of ${formatSize(l.batchBytes)}, ${formatSize(Math.round(l.entrySize))} values${l.label === 'entry' ? " (Strata's W1 1 KB average entry)" : ''}`,
      `${l.megabytesPerSecond.toFixed(1)} MB/s (${grouped(l.entriesPerSecond)} values/s)`,
      strataMb === undefined
        ? '—'
        : `W1 1 KB: ${strataMb.toFixed(1)} MB/s = ${share(strataMb, l.megabytesPerSecond)}`,
    ];
  });
  for (const g of report.limits.grpcLoopback) {
    const cell = g.messageSize >= KB ? w1 : w1Small;
    rows.push([
      `grpc-js loopback, ${g.messagesPerFrame} × ${formatSize(g.messageSize)} per frame, to another process`,
      `${grouped(g.messagesPerSecond)} msg/s (${g.megabytesPerSecond.toFixed(0)} MB/s)`,
      cell
        ? `W1 ${formatSize(g.messageSize)}: ${grouped(cell.value)} msg/s = ${share(cell.value, g.messagesPerSecond)}`
        : '—',
    ]);
  }
  return table(['ceiling (measured in this run)', 'figure', "Strata's share"], rows);
}

function diskTable(report: BenchReport): string[] {
  if (report.disk.length === 0) return [];
  const first = report.disk[0] as BenchReport['disk'][number];
  return [
    '## The disk around each latency window',
    '',
    `A bare loop of ${grouped(first.writeBytes)} B appends, each fdatasynced, at ${grouped(first.rate)}/s, with the system idle, just before and after its W2 and W3. Latency counts from when each append was due. A stall here has no software in it: a system that syncs before it acks carries such stalls into its p99, and one that does not sync does not.`,
    '',
    ...table(
      ['system', 'when', 'appends', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'over 50 ms'],
      report.disk.map((d) => [
        d.system,
        d.when,
        grouped(d.writes),
        d.p50.toFixed(2),
        d.p99.toFixed(2),
        d.max.toFixed(1),
        grouped(d.over50ms),
      ]),
    ),
    '',
  ];
}

/** The report as markdown: the table, the targets, the ceilings, then what every figure means. */
export function renderMarkdown(report: BenchReport): string {
  const lines: string[] = [
    `# Strata benchmark: ${report.quick ? 'quick run' : 'full run'}, ${report.startedAt}`,
    '',
    `Machine: ${report.machine}. All systems ran on this machine, one at a time, on loopback; the load generator runs in one more process on the same cores.`,
    '',
    ...mainTable(report),
    '',
    'Ratios are how many times better Strata did: Strata ÷ peer for throughput, peer ÷ Strata for latency; above 1× Strata leads. ⚠ marks a figure with a problem (listed below).',
    '',
    '## Targets',
    '',
    ...report.targets.map(
      (t) =>
        `- ${t.met === undefined ? '[?]' : t.met ? '[met]' : '[not met]'} ${t.text}: ${t.figures}`,
    ),
    '',
    '## Ceilings',
    '',
    ...limitsTable(report),
    '',
    ...diskTable(report),
    '## Systems and when they ack a publish',
    '',
    ...table(
      ['system', 'column', 'deployment', 'version', 'durability'],
      report.systems.map((s) => [
        s.name,
        PRODUCT_TITLES[productOf(s.name)],
        s.deployment,
        s.version,
        s.durability,
      ]),
    ),
    '',
    '## Workloads',
    '',
    ...report.workloads.map((w) => `- **${w.id}** ${w.title}: ${w.description}.`),
    '',
    '## Every figure',
    '',
    ...table(
      ['metric', 'system', 'value', 'detail'],
      report.rows.flatMap((row) =>
        PRODUCTS.flatMap((p) => {
          const cell = row.cells[p];
          if (!cell) return [];
          return [[row.title, cell.system, formatValue(row, cell), cell.detail]];
        }),
      ),
    ),
  ];
  const problems = [
    ...report.problems,
    ...report.rows.flatMap((row) =>
      PRODUCTS.flatMap((p) => {
        const cell = row.cells[p];
        return cell?.problem ? [`${cell.system}, ${row.title}: ${cell.problem}`] : [];
      }),
    ),
  ];
  if (problems.length > 0) lines.push('', '## Problems', '', ...problems.map((p) => `- ${p}`));
  return `${lines.join('\n')}\n`;
}
