// npm run bench -- [--quick] [--only W1,W2] [--systems strata,jetstream] [--json] [--check]
//
// Strata beside NATS JetStream and RabbitMQ on this machine, in one run: the same workloads through
// the same load generator, the physical ceilings measured alongside, and a markdown table written
// to bench/results/.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { PACKAGE_ROOT } from '../proto/load.js';
import { measureDiskSync } from './limits/disk-sync-probe.js';
import { measureGrpcLoopback } from './limits/grpc-loopback.js';
import { measureRawLevelDb } from './limits/raw-leveldb.js';
import { describeMachine } from './machine.js';
import {
  LATENCY_WORKLOADS,
  productOf,
  type BenchReport,
  type Limits,
  type ReportRow,
} from './report/bench-report.js';
import { checkReport } from './report/check-report.js';
import { renderMarkdown } from './report/markdown-report.js';
import { judgeTargets } from './report/targets.js';
import type { BenchSystemFactory } from './systems/bench-system.js';
import { natsJetStream } from './systems/nats-jetstream.js';
import { rabbitMq } from './systems/rabbitmq.js';
import { strataCluster, strataStandalone } from './systems/strata.js';
import { W4 } from './workloads/backlog-drain.js';
import { W6 } from './workloads/fan-out.js';
import { W2, W3 } from './workloads/fixed-rate-latency.js';
import { W7 } from './workloads/many-topics.js';
import { W1, W5 } from './workloads/publish-throughput.js';
import type { Deployment, Scale, Workload } from './workloads/workload.js';

/** W4 goes last: the gigabyte it leaves behind should not slow the others. */
const WORKLOADS: Workload[] = [W1, W2, W3, W6, W7, W4, W5];

const FACTORIES: Record<Deployment, BenchSystemFactory[]> = {
  single: [strataStandalone(), natsJetStream({ replicas: 1 }), rabbitMq({ nodes: 1 })],
  replicated: [strataCluster(), natsJetStream({ replicas: 3 }), rabbitMq({ nodes: 3 })],
};

interface RunOptions {
  quick: boolean;
  only?: string[];
  systems?: string[];
  json: boolean;
  check: boolean;
  out: string;
}

const KB = 1024;
const DISK_PROBE_SECONDS = 10;
/** The storage node's own group commit gathers up to 512 KB per synced batch. */
const GROUP_COMMIT_BYTES = 512 * KB;

async function run(options: RunOptions): Promise<BenchReport> {
  const scale: Scale = { quick: options.quick };
  const workloads = WORKLOADS.filter((w) => !options.only || options.only.includes(w.id));
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const startedAt = new Date();
  const rows: ReportRow[] = workloads.flatMap((w) =>
    w.metrics.map((m) => ({ ...m, cells: {} as ReportRow['cells'] })),
  );
  const report: BenchReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: '',
    machine: describeMachine(),
    quick: options.quick,
    systems: [],
    workloads: workloads.map((w) => ({ id: w.id, title: w.title, description: w.describe(scale) })),
    rows,
    limits: { rawLevelDb: [], grpcLoopback: [] },
    disk: [],
    targets: [],
    problems: [],
  };

  for (const deployment of ['single', 'replicated'] as const) {
    const due = workloads.filter((w) => w.deployment === deployment);
    if (due.length === 0) continue;
    for (const factory of FACTORIES[deployment]) {
      if (options.systems && !options.systems.includes(factory.name)) continue;
      log(`starting ${factory.name}`);
      let system;
      try {
        system = await factory.start();
      } catch (error) {
        report.problems.push(`${factory.name} did not start: ${messageOf(error)}`);
        log(`${factory.name} did not start: ${messageOf(error)}`);
        continue;
      }
      report.systems.push({
        name: system.name,
        deployment,
        version: system.version,
        durability: system.durability,
      });
      const probeDisk = async (when: string) => {
        log(`${factory.name}: disk sync probe ${when}`);
        try {
          const probe = await measureDiskSync(scale.quick ? 1 : DISK_PROBE_SECONDS);
          report.disk.push({ system: system.name, when, ...probe });
          log(`  disk: p99 ${probe.p99.toFixed(1)} ms, max ${probe.max.toFixed(1)} ms`);
        } catch (error) {
          // A failed probe costs its row, not the workloads around it.
          report.problems.push(`${system.name}, disk probe ${when}: ${messageOf(error)}`);
        }
      };
      const latencyIds = due.filter((w) => LATENCY_WORKLOADS.has(w.id)).map((w) => w.id);
      try {
        for (const workload of due) {
          if (workload.id === latencyIds[0]) await probeDisk(`before ${workload.id}`);
          log(`${factory.name}: ${workload.id} ${workload.title}`);
          try {
            const measured = await workload.run(system, scale);
            for (const [key, measurement] of Object.entries(measured)) {
              const row = rows.find((r) => r.key === key);
              if (row) row.cells[productOf(system.name)] = { ...measurement, system: system.name };
              log(`  ${key}: ${Math.round(measurement.value)} (${measurement.detail})`);
            }
          } catch (error) {
            report.problems.push(`${system.name}, ${workload.id}: ${messageOf(error)}`);
            log(`  ${workload.id} failed: ${messageOf(error)}`);
          }
          if (workload.id === latencyIds.at(-1)) await probeDisk(`after ${workload.id}`);
        }
      } finally {
        await system.stop();
      }
    }
  }

  log('measuring the ceilings');
  report.limits = await measureLimits(rows, scale);
  report.targets = judgeTargets(rows, report.limits);
  report.finishedAt = new Date().toISOString();
  return report;
}

/** What the machine itself allows, measured after the systems so none of them runs alongside. */
async function measureLimits(rows: ReportRow[], scale: Scale): Promise<Limits> {
  const total = (scale.quick ? 64 : 512) * 1024 * KB;
  const rawLevelDb: Limits['rawLevelDb'] = [
    { label: '1KB', ...(await measureRawLevelDb(KB, GROUP_COMMIT_BYTES, total)) },
  ];
  const entryBytes = rows.find((r) => r.key === 'W1-1KB')?.cells.strata?.entryBytes;
  if (entryBytes !== undefined) {
    const size = Math.max(1, Math.round(entryBytes));
    const batch = Math.max(GROUP_COMMIT_BYTES, size);
    rawLevelDb.push({ label: 'entry', ...(await measureRawLevelDb(size, batch, total)) });
  }
  const seconds = scale.quick ? 2 : 5;
  const grpcLoopback = [
    await measureGrpcLoopback(KB, 100, seconds),
    await measureGrpcLoopback(100, 100, seconds),
  ];
  return { rawLevelDb, grpcLoopback };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

async function main(): Promise<void> {
  const list = (value: string) => value.split(',').map((v) => v.trim());
  const program = new Command('bench')
    .description('Strata beside NATS JetStream and RabbitMQ, the same workloads in one run')
    .option('--quick', 'small counts: a smoke run of every workload in a few minutes', false)
    .addOption(new Option('--only <ids>', 'workloads to run, e.g. W1,W5').argParser(list))
    .addOption(
      new Option('--systems <names>', 'systems to run, e.g. strata,jetstream').argParser(list),
    )
    .option('--json', 'print the report as JSON on stdout instead of markdown', false)
    .option('--check', 'exit 1 unless every system ran every workload cleanly (for CI)', false)
    .option('--out <dir>', 'where reports are written', join(PACKAGE_ROOT, 'bench', 'results'))
    .parse();
  const options = program.opts<RunOptions>();
  const report = await run(options);
  const markdown = renderMarkdown(report);
  const stamp = report.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const base = join(options.out, `${stamp}-${options.quick ? 'quick' : 'full'}`);
  await mkdir(options.out, { recursive: true });
  await writeFile(`${base}.md`, markdown);
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : markdown);
  process.stderr.write(`bench: written to ${base}.md and .json\n`);
  if (options.check) {
    const defects = checkReport(report, markdown);
    for (const defect of defects) process.stderr.write(`bench: check failed: ${defect}\n`);
    if (defects.length > 0) process.exitCode = 1;
    else process.stderr.write('bench: check: OK\n');
  }
}

await main();
