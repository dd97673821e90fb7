import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { FreePorts } from '../../deploy/local/free-port.js';
import { ManagedProcess } from '../../deploy/local/managed-process.js';
import { ensureDebianPackage } from './debian-package.js';

const run = promisify(execFile);

/** The package's own scripts: the /usr/sbin wrappers `su` to the rabbitmq user. */
const PACKAGE_BIN = '/usr/lib/rabbitmq/bin';
const BOOT_TIMEOUT_MS = 120_000;
const CTL_TIMEOUT_MS = 120_000;

export interface RabbitMqNode {
  /** Erlang node name, `<unique>@localhost`. */
  readonly name: string;
  /** AMQP 0-9-1 port on 127.0.0.1. */
  readonly amqpPort: number;
  readonly process: ManagedProcess;
}

export interface RabbitMqServers {
  /** Node 1 first: the others joined its cluster. */
  readonly nodes: readonly RabbitMqNode[];
  /** The temp dir holding every node's data, logs, config and the shared Erlang cookie. */
  readonly dir: string;
  /** This cluster's own epmd, never the system one on 4369. */
  readonly epmdPort: number;
  /** Runs `rabbitmqctl -n <node> ...args` with the nodes' environment; resolves with stdout. */
  ctl(node: RabbitMqNode, ...args: string[]): Promise<string>;
  /** Stops every node and the epmd, kills whatever is left, removes the temp dir. */
  stop(): Promise<void>;
}

/**
 * Starts one RabbitMQ node, or three joined in a cluster, each isolated under one temp dir with its
 * own ports and its own epmd. Whatever happens half way, nothing is left running.
 */
export async function startRabbitMqServers(options: { nodes: 1 | 3 }): Promise<RabbitMqServers> {
  const bin = await packageBin();
  const dir = await mkdtemp(join(tmpdir(), 'strata-rabbitmq-'));
  const id = randomBytes(4).toString('hex');
  const ports = new FreePorts();
  const nodePorts = await ports.take(1 + 2 * options.nodes);
  const epmdPort = nodePorts.shift() as number;
  const nodes: RabbitMqNode[] = [];
  // Every child (beam.smp, erl_child_setup, inet_gethost, epmd, rabbitmqctl) inherits HOME=dir, so
  // it is how we find them all again, even the epmd whose command line names neither dir nor node.
  // If this process exits without stop() (a runner that timed out), they die with it.
  const killOnExit = () => {
    processesWithHome(dir).forEach(kill);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  const common: NodeJS.ProcessEnv = {
    HOME: dir,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    // Else /etc/rabbitmq/rabbitmq-env.conf is sourced and could override any of this.
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
  };
  const envOf = (index: number, amqpPort: number, distPort: number): NodeJS.ProcessEnv => ({
    ...common,
    RABBITMQ_NODENAME: nodeName(id, index),
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(dir, `node-${index}`, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, `node-${index}`, 'log'),
    RABBITMQ_PID_FILE: join(dir, `node-${index}`, 'rabbitmq.pid'),
    RABBITMQ_LOGS: '-',
    // Keep Erlang distribution on loopback too.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  });

  const ctl = async (node: RabbitMqNode, ...args: string[]): Promise<string> => {
    // rabbitmqctl is a hidden Erlang node of its own: give it a free dist port rather than the
    // default 35672-35682 range other users of the machine may hold.
    const port = String(await ports.next());
    const { stdout } = await run(join(bin, 'rabbitmqctl'), ['-n', node.name, ...args], {
      env: {
        ...process.env,
        ...common,
        RABBITMQ_CTL_DIST_PORT_MIN: port,
        RABBITMQ_CTL_DIST_PORT_MAX: port,
      },
      timeout: CTL_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // Taken while they all still run: an exiting process no longer shows its environment.
      const running = processesWithHome(dir);
      // SIGTERM reaches the rabbitmq-server shell, which stops the VM gracefully and waits for it.
      await Promise.all(nodes.map((node) => node.process.stop(15_000)));
      await run('epmd', ['-port', String(epmdPort), '-kill'], {
        env: { ...process.env, ...common },
      }).catch(() => {});
      await reap(dir, running);
      process.removeListener('exit', killOnExit);
      await rm(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    await writeConfig(dir);
    for (let index = 1; index <= options.nodes; index++) {
      const [amqpPort, distPort] = nodePorts.splice(0, 2) as [number, number];
      const env = envOf(index, amqpPort, distPort);
      await mkdir(join(dir, `node-${index}`, 'log'), { recursive: true });
      const proc = new ManagedProcess(`rabbitmq-${index}`, join(bin, 'rabbitmq-server'), [], env);
      nodes.push({ name: nodeName(id, index), amqpPort, process: proc });
    }
    // Booted together rather than one after the other: their boots overlap.
    await Promise.all(
      nodes.map((node) => node.process.waitForOutput(/Server startup complete/, BOOT_TIMEOUT_MS)),
    );
    const [first, ...others] = nodes as [RabbitMqNode, ...RabbitMqNode[]];
    for (const node of others) {
      await ctl(node, 'stop_app');
      await ctl(node, 'join_cluster', first.name);
      await ctl(node, 'start_app');
    }
    if (others.length > 0) await ctl(first, 'await_online_nodes', String(nodes.length));
    return { nodes, dir, epmdPort, ctl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function nodeName(id: string, index: number): string {
  return `strata-bench-${id}-${index}@localhost`;
}

async function packageBin(): Promise<string> {
  const found = await ensureDebianPackage('rabbitmq-server', 'rabbitmq-server');
  try {
    await access(join(PACKAGE_BIN, 'rabbitmq-server'));
    return PACKAGE_BIN;
  } catch {
    return dirname(found);
  }
}

async function writeConfig(dir: string): Promise<void> {
  await writeFile(
    join(dir, 'rabbitmq.conf'),
    [
      '# A throwaway benchmark node: logs go to stdout only, the harness reads them.',
      'log.console = true',
      'log.console.level = info',
      'log.file = false',
      '',
    ].join('\n'),
  );
  // No plugins at all (in particular no management plugin): only the broker is measured.
  await writeFile(join(dir, 'enabled_plugins'), '[].\n');
  await writeFile(join(dir, 'rabbitmq-env.conf'), '');
  const cookie = join(dir, '.erlang.cookie');
  await writeFile(cookie, randomBytes(20).toString('hex').toUpperCase());
  // Erlang refuses a cookie file others can read.
  await chmod(cookie, 0o400);
}

/** SIGKILLs what is left of ours, known or found, and waits until every one of them is gone. */
async function reap(dir: string, known: number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pids = new Set(known);
  for (;;) {
    for (const pid of processesWithHome(dir)) pids.add(pid);
    for (const pid of pids) if (!isProcessAlive(pid)) pids.delete(pid);
    if (pids.size === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`processes ${[...pids].join(', ')} of ${dir} survived SIGKILL`);
    }
    for (const pid of pids) kill(pid);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Whether the process exists and is not a zombie (an exited child its parent has yet to reap). */
export function isProcessAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/**
 * Ours to kill: only an exact HOME=dir, which every process we start passes on to its children,
 * never a mere mention of the dir (a shell tailing a log there is not ours).
 */
function processesWithHome(dir: string): number[] {
  const home = `HOME=${dir}`;
  return scanProcesses((_, environ) => environ.split('\0').includes(home));
}

/**
 * Live processes (zombies excluded) whose command line or environment contains one of the markers,
 * e.g. a temp dir or a node name: for a test to check that nothing was left behind.
 */
export function findProcesses(markers: string[]): number[] {
  return scanProcesses((cmdline, environ) =>
    markers.some((marker) => cmdline.includes(marker) || environ.includes(marker)),
  );
}

/** Synchronous so it can run in a process 'exit' handler. */
function scanProcesses(match: (cmdline: string, environ: string) => boolean): number[] {
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid || !isProcessAlive(pid)) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (match(cmdline, environ)) found.push(pid);
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return found;
}
