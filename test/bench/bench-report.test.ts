import { describe, expect, it } from 'vitest';
import { ratio, type BenchReport, type ReportRow } from '../../bench/report/bench-report.js';
import { checkReport } from '../../bench/report/check-report.js';
import { renderMarkdown } from '../../bench/report/markdown-report.js';
import { judgeTargets } from '../../bench/report/targets.js';

const throughputRow = (strata: number, jetstream: number, rabbitmq: number): ReportRow => ({
  key: 'W1-1KB',
  title: 'W1 publish, 1 KB (msg/s)',
  unit: 'msg/s',
  better: 'higher',
  cells: {
    strata: { system: 'strata', value: strata, detail: '' },
    jetstream: { system: 'jetstream', value: jetstream, detail: '' },
    rabbitmq: { system: 'rabbitmq', value: rabbitmq, detail: '' },
  },
});

const latencyRow = (strata: number, jetstream: number, rabbitmq: number): ReportRow => ({
  ...throughputRow(strata, jetstream, rabbitmq),
  key: 'W2',
  title: 'W2 publish latency p99 (ms)',
  unit: 'ms',
  better: 'lower',
});

const diskProbe = {
  writes: 10_000,
  writeBytes: 5_200,
  rate: 1_000,
  p50: 0.31,
  p99: 1.2,
  max: 10.8,
  over50ms: 0,
};

function report(rows: ReportRow[]): BenchReport {
  const limits = {
    rawLevelDb: [
      {
        label: 'entry',
        entrySize: 130_000,
        batchBytes: 524_288,
        entriesPerSecond: 1_000,
        megabytesPerSecond: 130,
      },
    ],
    grpcLoopback: [
      {
        messageSize: 1024,
        messagesPerFrame: 100,
        messagesPerSecond: 200_000,
        megabytesPerSecond: 204,
      },
    ],
  };
  return {
    startedAt: '2026-11-22T00:00:00.000Z',
    finishedAt: '2026-11-22T00:10:00.000Z',
    machine: 'test machine',
    quick: true,
    systems: [{ name: 'strata', deployment: 'single', version: '0.1.0', durability: 'synced' }],
    workloads: [{ id: 'W1', title: 'publish throughput', description: 'n × 1 KB' }],
    rows,
    limits,
    disk: rows.some((r) => r.key === 'W2')
      ? ['strata', 'jetstream', 'rabbitmq'].flatMap((system) => [
          { system, when: 'before W2', ...diskProbe },
          { system, when: 'after W3', ...diskProbe, max: 240.5, over50ms: 12 },
        ])
      : [],
    targets: judgeTargets(rows, limits),
    problems: [],
  };
}

describe('bench report', () => {
  it('ratios say how many times better Strata is, for throughput and for latency alike', () => {
    expect(ratio(throughputRow(60_000, 20_000, 10_000), 'jetstream')).toBe(3);
    expect(ratio(throughputRow(60_000, 20_000, 10_000), 'rabbitmq')).toBe(6);
    expect(ratio(latencyRow(5, 10, 2.5), 'jetstream')).toBe(2);
    expect(ratio(latencyRow(5, 10, 2.5), 'rabbitmq')).toBe(0.5);
  });

  it('judges the targets on the figures, and cannot judge a missing one', () => {
    const rows = [throughputRow(60_000, 20_000, 30_000), latencyRow(5, 10, 4)];
    const targets = judgeTargets(rows, report(rows).limits);
    const byText = (start: string) => targets.find((t) => t.text.startsWith(start));
    expect(byText('W1 1 KB: Strata standalone ≥ 3× NATS')?.met).toBe(true);
    expect(byText('W1 1 KB: Strata standalone ≥ 3× RabbitMQ')?.met).toBe(false);
    expect(byText('W2')?.met).toBe(false);
    expect(byText('W2')?.figures).toBe('Strata 5.0 ms, best peer 4.0 ms');
    // 60,000 × 1 KiB = 61.4 MB/s of a 130 MB/s ceiling: 47%.
    expect(byText('W1 1 KB reaches')?.met).toBe(false);
    expect(byText('W4')?.met).toBeUndefined();
  });

  it('renders one table row per metric with a column per system and per ratio', () => {
    const rows = [throughputRow(60_000, 20_000, 10_000), latencyRow(5, 10, 2.5)];
    const markdown = renderMarkdown(report(rows));
    expect(markdown).toContain(
      '| W1 publish, 1 KB (msg/s) | 60,000 | 20,000 | 10,000 | 3.00× | 6.00× |',
    );
    expect(markdown).toContain(
      '| W2 publish latency p99 (ms) | 5.0 | 10.0 | 2.5 | 2.00× | 0.50× |',
    );
  });

  it("shows the disk probe around each system's latency window, and requires one", () => {
    const rows = [throughputRow(60_000, 20_000, 10_000), latencyRow(5, 10, 2.5)];
    const full = report(rows);
    const markdown = renderMarkdown(full);
    expect(markdown).toContain('## The disk around each latency window');
    expect(markdown).toContain('| strata | before W2 | 10,000 | 0.31 | 1.20 | 10.8 | 0 |');
    expect(markdown).toContain('| rabbitmq | after W3 | 10,000 | 0.31 | 1.20 | 240.5 | 12 |');

    full.targets = full.targets.filter((t) => t.met !== undefined);
    full.disk = full.disk.filter((d) => d.system !== 'jetstream');
    full.disk[0]!.p99 = Number.NaN;
    expect(checkReport(full, renderMarkdown(full))).toEqual([
      'disk probe strata before W2: not a well-formed measurement',
      "no disk probe around jetstream's latency workloads",
    ]);
  });

  it('passes a complete report and finds each kind of defect', () => {
    const rows = [throughputRow(60_000, 20_000, 10_000), latencyRow(5, 10, 2.5)];
    const complete = report(rows);
    // Targets for workloads that did not run cannot be judged: a complete run judges them all.
    complete.targets = complete.targets.filter((t) => t.met !== undefined);
    expect(checkReport(complete, renderMarkdown(complete))).toEqual([]);

    const missing = report([throughputRow(60_000, 20_000, 10_000)]);
    missing.targets = [];
    delete missing.rows[0]!.cells.rabbitmq;
    missing.rows[0]!.cells.jetstream!.problem = '12 not received';
    missing.problems.push('rabbitmq did not start: boom');
    const defects = checkReport(missing, renderMarkdown(missing));
    expect(defects).toEqual([
      'rabbitmq did not start: boom',
      'W1 publish, 1 KB (msg/s): jetstream: 12 not received',
      'W1 publish, 1 KB (msg/s): no figure for rabbitmq',
    ]);

    expect(checkReport(complete, '| workload | a |\n|---|---:|\n| x | 1 | 2 |\n')).toEqual([
      'table row has 3 cells, not 2: | x | 1 | 2 |',
    ]);
  });
});
