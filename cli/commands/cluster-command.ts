import { Command, Option } from 'commander';
import { LocalCluster } from '../../deploy/local/local-cluster.js';
import { parsePositiveInt } from '../options.js';

interface DirFlags {
  dir: string;
}

interface UpFlags extends DirFlags {
  gateways: number;
  storageNodes: number;
  metadata: 'embedded' | 'etcd';
  etcdMembers: number;
  ensemble: number;
  writeQuorum: number;
  ackQuorum: number;
}

const dirOption = () =>
  new Option('--dir <dir>', 'where the cluster keeps its state, logs and data')
    .env('STRATA_CLUSTER_DIR')
    .makeOptionMandatory();

const count = (flags: string, description: string, fallback: number) =>
  new Option(flags, description).argParser(parsePositiveInt).default(fallback);

function roleCommand(
  name: string,
  description: string,
  act: (cluster: LocalCluster, id: string) => Promise<void>,
  done: string,
): Command {
  return new Command(name)
    .description(description)
    .argument('<role-id>', 'e.g. gateway-1, storage-2, metadata-1, etcd-1 (see `cluster status`)')
    .addOption(dirOption())
    .action(async (id: string, flags: DirFlags) => {
      const cluster = await LocalCluster.open(flags.dir);
      await act(cluster, id);
      console.log(`${id} ${done}`);
    });
}

/** `strata cluster ...`: a local cluster of separate processes, for trying things and for chaos. */
export function clusterCommand(): Command {
  const cluster = new Command('cluster').description(
    'run a cluster of separate processes on loopback: up, status, kill, stop, cont, restart, down',
  );
  cluster
    .command('up')
    .description(
      'start a cluster (or start again the one in --dir) and return once it serves; prints its service URL',
    )
    .addOption(dirOption())
    .addOption(count('--gateways <n>', 'gateway processes', 2))
    .addOption(count('--storage-nodes <n>', 'storage node processes', 4))
    .addOption(
      new Option('--metadata <kind>', 'the metadata service: ours, or etcd from the etcd binary')
        .choices(['embedded', 'etcd'])
        .default('embedded'),
    )
    .addOption(count('--etcd-members <n>', 'etcd members with --metadata etcd', 1))
    .addOption(count('--ensemble <n>', 'storage nodes per ledger (E)', 3))
    .addOption(count('--write-quorum <n>', 'copies of each entry (Qw)', 3))
    .addOption(count('--ack-quorum <n>', 'copies confirmed before an ack (Qa)', 2))
    .action(async (flags: UpFlags) => {
      const started = await LocalCluster.up({
        dir: flags.dir,
        gateways: flags.gateways,
        storageNodes: flags.storageNodes,
        metadata: flags.metadata,
        etcdMembers: flags.etcdMembers,
        quorums: {
          ensembleSize: flags.ensemble,
          writeQuorum: flags.writeQuorum,
          ackQuorum: flags.ackQuorum,
        },
      });
      console.log(`service URL: ${started.serviceUrl}`);
      console.log(`metadata:    ${started.metadataUrl}`);
      console.log(`HTTP:        ${started.httpUrls.join(' ')}`);
      console.log(`roles:       ${started.roles.map((r) => r.id).join(' ')}`);
    });
  cluster
    .command('status')
    .description("each role's pid, state (running, stopped, dead), address and log")
    .addOption(dirOption())
    .option('--json', 'as JSON')
    .action(async (flags: DirFlags & { json?: boolean }) => {
      const opened = await LocalCluster.open(flags.dir);
      const roles = await opened.status();
      if (flags.json) {
        console.log(JSON.stringify({ serviceUrl: opened.serviceUrl, roles }, null, 2));
        return;
      }
      console.log(`service URL: ${opened.serviceUrl}`);
      for (const r of roles) {
        console.log(
          `${r.id.padEnd(12)} ${r.condition.padEnd(8)} pid ${String(r.pid).padEnd(8)} ${r.address.padEnd(16)} ${r.logFile}`,
        );
      }
    });
  cluster.addCommand(roleCommand('kill', 'kill -9 a role', (c, id) => c.kill(id), 'killed'));
  cluster.addCommand(
    roleCommand('stop', 'freeze a role (SIGSTOP)', (c, id) => c.stop(id), 'stopped'),
  );
  cluster.addCommand(
    roleCommand('cont', 'resume a frozen role (SIGCONT)', (c, id) => c.cont(id), 'resumed'),
  );
  cluster.addCommand(
    roleCommand(
      'restart',
      'stop a role if it runs, then start it again at the same address and wait until it serves',
      (c, id) => c.restart(id),
      'restarted',
    ),
  );
  cluster
    .command('down')
    .description('stop every role (gateways, then storage nodes, then metadata); data stays')
    .addOption(dirOption())
    .action(async (flags: DirFlags) => {
      await (await LocalCluster.open(flags.dir)).down();
      console.log('cluster stopped');
    });
  return cluster;
}
