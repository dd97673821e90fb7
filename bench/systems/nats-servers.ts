import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, StorageType } from 'nats';
import { FreePorts } from '../../deploy/local/free-port.js';
import { ManagedProcess, ProcessGroup } from '../../deploy/local/managed-process.js';
import { ensureDebianPackage } from './debian-package.js';

/** Running nats-server processes with JetStream enabled, on loopback. */
export interface NatsServers {
  /** One client URL per server (`nats://127.0.0.1:PORT`). */
  readonly urls: string[];
  /** The server processes' pids, so a test can check that none outlives `stop()`. */
  readonly pids: number[];
  /** Stops every server and removes their data. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface NatsServersOptions {
  /** 1 for a standalone server, 3 for a JetStream cluster that can hold R3 streams. */
  servers: 1 | 3;
  /** How long to wait for the servers (and the cluster's JetStream meta leader). */
  readyTimeoutMs?: number;
}

const readyLine = /Server is ready/;

/**
 * Starts nats-server with file storage in a fresh temp dir. On any failure, whatever was started
 * is stopped and removed before the error is rethrown, so a half-started cluster never lingers.
 */
export async function startNatsServers(options: NatsServersOptions): Promise<NatsServers> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const program = await ensureDebianPackage('nats-server', 'nats-server');
  const root = await mkdtemp(join(tmpdir(), 'strata-bench-nats-'));
  const group = new ProcessGroup();
  const processes: ManagedProcess[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await group.stopAll();
      await rm(root, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    const ports = new FreePorts();
    const clientPorts = await ports.take(options.servers);
    if (options.servers === 1) {
      const storeDir = join(root, 'n1');
      await mkdir(storeDir);
      const args = ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(clientPorts[0])];
      args.push('-n', 'strata-bench-n1');
      processes.push(group.add(new ManagedProcess('nats-server n1', program, args)));
    } else {
      const clusterPorts = await ports.take(options.servers);
      for (let i = 0; i < options.servers; i++) {
        const name = `n${i + 1}`;
        const storeDir = join(root, name);
        await mkdir(storeDir);
        const routes = clusterPorts
          .filter((_, j) => j !== i)
          .map((port) => `"nats-route://127.0.0.1:${port}"`);
        const config = [
          `server_name: "strata-bench-${name}"`,
          `listen: "127.0.0.1:${clientPorts[i]}"`,
          `jetstream { store_dir: ${JSON.stringify(storeDir)} }`,
          'cluster {',
          '  name: "strata-bench"',
          `  listen: "127.0.0.1:${clusterPorts[i]}"`,
          `  routes: [${routes.join(', ')}]`,
          '}',
          '',
        ].join('\n');
        const configFile = join(root, `${name}.conf`);
        await writeFile(configFile, config);
        processes.push(
          group.add(new ManagedProcess(`nats-server ${name}`, program, ['-c', configFile])),
        );
      }
    }
    await Promise.all(processes.map((p) => p.waitForOutput(readyLine, readyTimeoutMs)));
    const urls = clientPorts.map((port) => `nats://127.0.0.1:${port}`);
    await waitForJetStream(urls, options.servers, readyTimeoutMs);
    return { urls, pids: processes.map((p) => p.pid), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * "Server is ready" comes before a cluster has elected its JetStream meta leader and met all its
 * peers: until then stream creation fails. A throwaway stream with every server as a replica only
 * succeeds once the cluster can place real ones.
 */
async function waitForJetStream(urls: string[], replicas: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const nc = await connect({ servers: urls, timeout: timeoutMs });
  try {
    // No API check on creation: that is a request which fails just like the ones below until ready.
    const jsm = await nc.jetstreamManager({ timeout: 2_000, checkAPI: false });
    const name = 'strata-bench-ready';
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        await jsm.streams.add({
          name,
          subjects: [name],
          storage: StorageType.Memory,
          num_replicas: replicas,
        });
        await jsm.streams.delete(name);
        return;
      } catch (error) {
        lastError = error;
        await sleep(200);
      }
    }
    throw new Error(`JetStream not ready in ${timeoutMs} ms: ${String(lastError)}`);
  } finally {
    await nc.close();
  }
}
