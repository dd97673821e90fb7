import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { createAdmin } from '../../sdk/index.js';
import { FreePorts } from '../local/free-port.js';
import { LocalCluster } from '../local/local-cluster.js';
import { unavailability } from './availability.js';
import { checkHistory } from './checker.js';
import { ChaosWorkload } from './chaos-workload.js';
import { FaultInjector } from './fault-injector.js';
import { FAULT_KINDS, planFaults, type FaultKind } from './fault-plan.js';
import { FaultProxy } from './fault-proxy.js';
import { formatReport } from './format-report.js';
import { scanFencedLedgers } from './storage-scan.js';
import type { RunHistory } from './history.js';

interface ChaosFlags {
  duration: number;
  seed: number;
  faults: FaultKind[];
  metadata: 'embedded' | 'etcd';
  gateways: number;
  json?: boolean;
  keep?: boolean;
}

const GATEWAY_LEASE_MS = 3_000;
const DRAIN_TIMEOUT_MS = 120_000;
const PARTITIONS = 4;

function parseFaults(text: string): FaultKind[] {
  const kinds = text.split(',').map((k) => k.trim());
  for (const kind of kinds) {
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`unknown fault ${kind}; the faults are ${FAULT_KINDS.join(', ')}`);
    }
  }
  return kinds as FaultKind[];
}

/**
 * A chaos run: a cluster of real processes (4 storage nodes behind fault-injecting proxies,
 * E3/Qw3/Qa2), producers and consumers on partitioned topics, faults on a seeded schedule, then a
 * drain and the checker's verdict. Exit code 1 on any loss or order violation.
 */
async function run(flags: ChaosFlags): Promise<boolean> {
  const log = (line: string) =>
    process.stderr.write(`[${new Date().toISOString().slice(11, 23)}] ${line}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'strata-chaos-'));
  const storageNodes = 4;
  const ports = new FreePorts();
  const proxyPorts = await ports.take(storageNodes);
  const cluster = await LocalCluster.create({
    dir,
    gateways: flags.gateways,
    storageNodes,
    metadata: flags.metadata,
    etcdMembers: flags.metadata === 'etcd' ? 3 : 1,
    quorums: { ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 },
    storageAdvertisePorts: proxyPorts,
    ports,
    storageArgs: ['--lease-ttl-ms', '4000', '--min-free-bytes', '64MiB'],
    gatewayArgs: ['--lease-ttl-ms', String(GATEWAY_LEASE_MS)],
  });
  const proxies = new Map<string, FaultProxy>();
  let ok = false;
  try {
    for (const [i, role] of cluster.roles.filter((r) => r.kind === 'storage-node').entries()) {
      proxies.set(
        role.id,
        await FaultProxy.start({
          listenPort: proxyPorts[i] as number,
          targetHost: '127.0.0.1',
          targetPort: role.ports.port as number,
        }),
      );
    }
    await cluster.startAll();
    log(`cluster up in ${dir}: ${cluster.serviceUrl}`);
    const admin = createAdmin({ serviceUrl: cluster.serviceUrl });
    const topics = ['orders', 'payments', 'events'].map((t) => `persistent://public/default/${t}`);
    for (const topic of topics) await admin.createTopic(topic, PARTITIONS);
    admin.close();

    const workload = new ChaosWorkload({
      serviceUrl: cluster.serviceUrl,
      topics,
      partitions: PARTITIONS,
      producersPerTopic: 2,
      keysPerTopic: 40,
      ratePerProducer: 150,
      window: 500,
      subscriptions: [
        { name: 'shared', type: 'shared', consumers: 2 },
        { name: 'key-shared', type: 'key_shared', consumers: 2 },
        { name: 'failover', type: 'failover', consumers: 2 },
      ],
      log,
    });
    await workload.start();
    const durationMs = flags.duration * 1000;
    const plan = planFaults({
      seed: flags.seed,
      durationMs,
      kinds: flags.faults,
      gateways: cluster.roles.filter((r) => r.kind === 'gateway').map((r) => r.id),
      storageNodes: [...proxies.keys()],
      metadataRoles: cluster.roles
        .filter((r) => r.kind === 'metadata' || r.kind === 'etcd')
        .map((r) => r.id),
      gatewayLeaseMs: GATEWAY_LEASE_MS,
    });
    log(`${plan.length} faults planned from seed ${flags.seed}`);
    const injector = new FaultInjector(cluster, proxies, log);
    const stop = new AbortController();
    const startedAt = Date.now();
    const injecting = injector.run(plan, startedAt, stop.signal);
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    stop.abort();
    await injecting;
    workload.stopProducing();
    log('producing stopped; draining');
    const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (!workload.drained() && Date.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await workload.close();
    const scan = await scanFencedLedgers(cluster.metadataUrl, storageNodes);
    log(
      `scanned ${scan.fencedLedgers.length} fenced ledgers: ${scan.storedEntries.length} entries past their ends on fenced nodes`,
    );

    const history: RunHistory = {
      sent: workload.sent,
      received: workload.received,
      subscriptions: workload.subscriptions,
      faults: injector.events,
      ...scan,
    };
    const report = checkHistory(history);
    const availability = unavailability(history.sent, history.faults, (t) =>
      t.replace(/-partition-\d+$/, ''),
    );
    const injected = Object.fromEntries(
      flags.faults.map((k) => [k, history.faults.filter((f) => f.kind === k).length]),
    );
    ok = report.ok;
    if (flags.json) {
      console.log(
        JSON.stringify({
          seed: flags.seed,
          durationS: flags.duration,
          injected,
          availability,
          report,
        }),
      );
    } else {
      console.log(`chaos run: seed ${flags.seed}, ${flags.duration} s, metadata ${flags.metadata}`);
      console.log(`faults injected: ${JSON.stringify(injected)}`);
      for (const fault of availability) {
        const gaps = Object.entries(fault.longestGapMsByTopic)
          .map(([topic, gap]) => `${topic.split('/').pop() as string} ${(gap / 1000).toFixed(1)} s`)
          .join(', ');
        console.log(
          `  +${((fault.startMs - startedAt) / 1000).toFixed(0)} s ${fault.kind} ${fault.target} (${((fault.endMs - fault.startMs) / 1000).toFixed(1)} s): longest unavailability ${gaps}`,
        );
      }
      console.log(formatReport(report));
    }
    if (!ok || flags.keep) {
      await writeFile(join(dir, 'history.json'), JSON.stringify(history));
      log(`history and logs kept in ${dir}`);
    }
  } finally {
    await cluster.down().catch(() => {});
    await Promise.all([...proxies.values()].map((p) => p.close()));
    if (ok && !flags.keep) await rm(dir, { recursive: true, force: true });
  }
  return ok;
}

const program = new Command('chaos')
  .description('a chaos run against a local cluster of real processes, judged by the checker')
  .addOption(
    new Option('--duration <seconds>', 'how long faults are injected')
      .argParser(Number)
      .default(90),
  )
  .addOption(
    new Option('--seed <n>', 'the seed of the fault schedule').argParser(Number).default(1),
  )
  .addOption(
    new Option('--faults <list>', `comma-separated, of: ${FAULT_KINDS.join(', ')}`)
      .argParser(parseFaults)
      .default([...FAULT_KINDS]),
  )
  .addOption(
    new Option('--metadata <kind>', 'embedded metadata service, or a 3-member etcd')
      .choices(['embedded', 'etcd'])
      .default('embedded'),
  )
  .addOption(new Option('--gateways <n>', 'gateway processes').argParser(Number).default(2))
  .option('--json', 'print the report as JSON')
  .option('--keep', 'keep the cluster directory (logs, data, history.json) even on success')
  .action(async (flags: ChaosFlags) => {
    const ok = await run(flags);
    process.exit(ok ? 0 : 1);
  });

await program.parseAsync(process.argv);
