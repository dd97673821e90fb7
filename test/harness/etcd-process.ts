import { ManagedProcess, type ProcessGroup } from '../../deploy/local/managed-process.js';
import { freePort } from '../../deploy/local/free-port.js';

async function waitForHealth(
  process: ManagedProcess,
  client: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!process.running) throw new Error(`etcd exited during startup:\n${process.tail()}`);
    try {
      const response = await fetch(`${client}/health`);
      const body = (await response.json()) as { health?: string };
      if (body.health === 'true') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`etcd not healthy after ${timeoutMs} ms:\n${process.tail()}`);
}

export interface EtcdProcess {
  process: ManagedProcess;
  url: string;
  clientPort: number;
}

/**
 * A single-member etcd from the `etcd` binary on free loopback ports. etcd cannot bind port 0 and
 * advertise it, so ports are picked first and a lost race is retried.
 */
export async function startEtcd(
  group: ProcessGroup,
  dataDir: string,
  attempts = 3,
): Promise<EtcdProcess> {
  for (let attempt = 1; ; attempt++) {
    const clientPort = await freePort();
    const peerPort = await freePort();
    const client = `http://127.0.0.1:${clientPort}`;
    const peer = `http://127.0.0.1:${peerPort}`;
    const process = group.add(
      new ManagedProcess('etcd', 'etcd', [
        '--name',
        'strata-test',
        '--data-dir',
        dataDir,
        '--listen-client-urls',
        client,
        '--advertise-client-urls',
        client,
        '--listen-peer-urls',
        peer,
        '--initial-advertise-peer-urls',
        peer,
        '--initial-cluster',
        `strata-test=${peer}`,
        '--logger',
        'zap',
        '--log-outputs',
        'stderr',
      ]),
    );
    try {
      await waitForHealth(process, client);
      return { process, url: `etcd://127.0.0.1:${clientPort}`, clientPort };
    } catch (error) {
      await process.stop();
      if (attempt >= attempts) throw error;
    }
  }
}
