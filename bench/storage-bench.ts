// npm run bench:storage [-- --quick] [--json]
//
// Append throughput and latency of the storage layer, on real storage-node processes, beside the
// raw LevelDB synced-batch ceiling for the same entry sizes measured in the same run.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hdr from 'hdr-histogram-js';
import { ProcessGroup } from '../deploy/local/managed-process.js';
import { startMetadataProcess, startStorageNodeProcess } from '../deploy/local/strata-roles.js';
import { openMetadataStore } from '../services/metadata/open-metadata-store.js';
import { pino } from 'pino';
import { LedgerClient } from '../storage-node/client/ledger-client.js';
import { startStorageNode } from '../storage-node/server/storage-node-server.js';
import { describeMachine } from './machine.js';
import { measureRawLevelDb, type RawResult } from './limits/raw-leveldb.js';

interface Workload {
  label: string;
  /** In-process: the storage node runs inside the writer's process, as in standalone. */
  local: boolean;
  ensembleSize: number;
  writeQuorum: number;
  ackQuorum: number;
  entrySize: number;
  count: number;
  window: number;
}

interface Result extends Workload {
  entriesPerSecond: number;
  megabytesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  raw: RawResult;
  ratio: number;
}

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const KB = 1024;

function workloads(): Workload[] {
  const small = { entrySize: KB, count: quick ? 20_000 : 100_000, window: 2_000 };
  const large = { entrySize: 64 * KB, count: quick ? 2_000 : 6_000, window: 256 };
  const e1 = { ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 };
  const e3 = { ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 };
  return [
    { label: 'E1 Qw1 Qa1, 1 KB, in-process node', local: true, ...e1, ...small },
    { label: 'E1 Qw1 Qa1, 64 KB, in-process node', local: true, ...e1, ...large },
    { label: 'E1 Qw1 Qa1, 1 KB, node over gRPC', local: false, ...e1, ...small },
    { label: 'E1 Qw1 Qa1, 64 KB, node over gRPC', local: false, ...e1, ...large },
    { label: 'E3 Qw3 Qa2, 1 KB, nodes over gRPC', local: false, ...e3, ...small },
    { label: 'E3 Qw3 Qa2, 64 KB, nodes over gRPC', local: false, ...e3, ...large },
  ];
}

/** Appends `count` entries with at most `window` unconfirmed; latency is append call to confirm. */
async function runAppends(client: LedgerClient, workload: Workload, nodeIds?: string[]) {
  const writer = await client.createLedger({ ...workload, nodeIds });
  // Random bytes: real batches are mostly compressed already, and a repeated byte would flatter
  // any compression on the way.
  const payload = randomBytes(workload.entrySize);
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  let sent = 0;
  let confirmed = 0;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      while (sent < workload.count && sent - confirmed < workload.window) {
        sent++;
        const at = performance.now();
        writer.append(payload).then(() => {
          histogram.recordValue(Math.max(1, Math.round((performance.now() - at) * 1000)));
          confirmed++;
          if (confirmed === workload.count) resolve();
          else pump();
        }, reject);
      }
    };
    pump();
  });
  const seconds = (performance.now() - started) / 1000;
  await writer.close();
  await client.deleteLedger(writer.ledgerId);
  const result = {
    entriesPerSecond: workload.count / seconds,
    megabytesPerSecond: (workload.count * workload.entrySize) / 1e6 / seconds,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
  };
  histogram.destroy();
  return result;
}

/** The better of two batch sizes around what group commit forms (512 KB idle, MBs under load). */
async function rawCeiling(entrySize: number, totalBytes: number): Promise<RawResult> {
  const small = await measureRawLevelDb(entrySize, 512 * KB, totalBytes);
  const large = await measureRawLevelDb(entrySize, 4096 * KB, totalBytes);
  return small.megabytesPerSecond >= large.megabytesPerSecond ? small : large;
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'strata-bench-storage-'));
  const group = new ProcessGroup();
  const results: Result[] = [];
  try {
    const metadata = await startMetadataProcess(group, join(root, 'metadata'));
    await Promise.all(
      [0, 1, 2].map((i) =>
        startStorageNodeProcess(group, {
          name: `storage-node-${i}`,
          dataDir: join(root, `node-${i}`),
          metadataUrl: metadata.url,
          args: ['--min-free-bytes', '1MiB'],
        }),
      ),
    );
    const store = await openMetadataStore(metadata.url);
    // One more node inside this process, reached by direct calls: standalone's shape.
    const local = await startStorageNode({
      host: '127.0.0.1',
      port: 0,
      dataDir: join(root, 'local-node'),
      metadata: store,
      logger: pino({ level: 'warn' }),
      sync: true,
      maxEntryBytes: 5 * 1024 * 1024,
      minFreeBytes: 1024 * 1024,
      leaseTtlMs: 10_000,
    });
    const client = await LedgerClient.create({
      metadata: store,
      localNodes: new Map([[local.nodeId, local.core]]),
    });
    while (client.nodes.all().length < 4) await new Promise((resolve) => setTimeout(resolve, 50));
    const remote = client.nodes
      .all()
      .map((n) => n.nodeId)
      .filter((id) => id !== local.nodeId);
    for (const workload of workloads()) {
      // The ceiling is measured right before each workload, with as many bytes: this machine's
      // disk drifts too much for a figure taken minutes apart to be comparable.
      const ceiling = await rawCeiling(workload.entrySize, workload.count * workload.entrySize);
      const nodeIds = workload.local ? [local.nodeId] : remote.slice(0, workload.ensembleSize);
      const measured = await runAppends(client, workload, nodeIds);
      results.push({
        ...workload,
        ...measured,
        raw: ceiling,
        ratio: measured.megabytesPerSecond / ceiling.megabytesPerSecond,
      });
    }
    client.close();
    await local.close();
    await store.close();
  } finally {
    await group.stopAll();
    await rm(root, { recursive: true, force: true });
  }

  if (json) {
    console.log(JSON.stringify({ machine: describeMachine(), quick, results }, null, 2));
    return;
  }
  const fmt = (n: number, digits = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(`# Storage append benchmark${quick ? ' (quick)' : ''}\n`);
  console.log(
    `${describeMachine()}; group commit up to 16 MB, no wait when idle, sync on; all nodes on one disk. "in-process": the node runs in the writer's process (standalone); "over gRPC": separate node processes on loopback. The raw ceiling is measured right before each row.\n`,
  );
  console.log(
    '| workload | entries | in flight | entries/s | MB/s | p50 ms | p99 ms | raw LevelDB MB/s | of raw |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${fmt(r.count)} | ${r.window} | ${fmt(r.entriesPerSecond)} | ${fmt(r.megabytesPerSecond, 1)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${fmt(r.raw.megabytesPerSecond, 1)} (batch ${r.raw.batchBytes / KB} KB) | ${fmt(r.ratio * 100)}% |`,
    );
  }
  const target = results.find((r) => r.local && r.entrySize === 64 * KB);
  if (target) {
    console.log(
      `\nTarget: E1 64 KB (standalone shape) at >= 60% of raw LevelDB: ${fmt(target.ratio * 100)}% (${target.ratio >= 0.6 ? 'met' : 'NOT met'}).`,
    );
  }
}

await main();
