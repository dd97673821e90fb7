import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../proto/load.js';
import { ManagedProcess, type ProcessGroup } from './managed-process.js';

export const STRATA_BIN = join(PACKAGE_ROOT, 'bin', 'strata');

/**
 * V8 flags every Strata server runs with; `bin/strata`'s first line and `npm start` carry the same
 * (Node refuses the first in NODE_OPTIONS).
 *
 * - `--initial-old-space-size=256`: a server's old generation holds 15-20 MB, and V8 sets the next
 *   collection's limit only about 23 MB above that: less than the young generation, so it starts
 *   marking again right after each mark-compact (22-35 in 15 s at 5,000 msg/s), and those steps
 *   land on publishes. With a 256 MB starting limit there were 0 in 60 s, and W2's p99 with the
 *   fsync off went from 13.5 to 4 ms. The cost is memory: V8 lets garbage build up to that limit
 *   before a full collection, so a standalone under W2's load grew to 282 MB resident in 70 s,
 *   against 209 MB.
 * - `--max-semi-space-size=4` (MB; Node 20's default is 16): a scavenge stops the event loop for
 *   time that grows with the young generation, and every publish in flight waits for it. Under
 *   W3's load (5,000 msg/s × 1 KB, one subscriber acking each, 30 s, a fresh standalone) the
 *   standalone scavenged 100-104 times with the default, median pause 1.9-2.2 ms, and end-to-end
 *   p99 was 4.4 / 4.8 ms (1,711 / 2,290 messages over 4 ms); at 4 MB, 360-374 times, median
 *   0.8 ms, p99 3.2 / 3.2 ms (763 / 803 over 4 ms). 2 and 8 MB measured alike (3.4 ms each), 64
 *   worse (6.0 ms, median pause 3.8 ms). Throughput did not move: bench W1 1 KB 157,840 / 157,428
 *   msg/s with the default against 162,837 / 169,926, W4 406,725 / 392,900 against 401,324 /
 *   388,982 (alternating).
 */
export const STRATA_NODE_FLAGS: readonly string[] = [
  '--initial-old-space-size=256',
  '--max-semi-space-size=4',
];

/** The arguments that run `bin/strata <args>` under Node with `STRATA_NODE_FLAGS`. */
export function strataArgs(...args: string[]): string[] {
  return [...STRATA_NODE_FLAGS, STRATA_BIN, ...args];
}

export interface MetadataProcess {
  process: ManagedProcess;
  port: number;
  url: string;
}

/** Starts `bin/strata metadata` on a random loopback port (or the given one, for a restart). */
export async function startMetadataProcess(
  group: ProcessGroup,
  dataDir: string,
  port = 0,
): Promise<MetadataProcess> {
  const process = group.add(
    new ManagedProcess('metadata', globalThis.process.execPath, [
      ...strataArgs(),
      'metadata',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--log-level',
      'info',
    ]),
  );
  const line = await process.waitForLine((l) => l.msg === 'metadata service listening');
  const bound = Number(line.port);
  return { process, port: bound, url: `strata://127.0.0.1:${bound}` };
}

export interface StorageNodeProcess {
  process: ManagedProcess;
  dataDir: string;
  nodeId: string;
  port: number;
}

/** Starts `bin/strata storage-node` on a random loopback port, on its data dir. */
export async function startStorageNodeProcess(
  group: ProcessGroup,
  options: { name: string; dataDir: string; metadataUrl: string; args?: string[] },
): Promise<StorageNodeProcess> {
  const process = group.add(
    new ManagedProcess(options.name, globalThis.process.execPath, [
      ...strataArgs(),
      'storage-node',
      '--port',
      '0',
      '--data-dir',
      options.dataDir,
      '--metadata-url',
      options.metadataUrl,
      ...(options.args ?? []),
    ]),
  );
  const line = await process.waitForLine((l) => l.msg === 'storage node listening');
  return {
    process,
    dataDir: options.dataDir,
    nodeId: String(line.nodeId),
    port: Number(line.port),
  };
}

export interface GatewayProcess {
  process: ManagedProcess;
  gatewayId: string;
  port: number;
  httpPort: number;
  address: string;
}

/** Starts `bin/strata gateway` on a random loopback port. */
export async function startGatewayProcess(
  group: ProcessGroup,
  options: { name: string; metadataUrl: string; args?: string[] },
): Promise<GatewayProcess> {
  const process = group.add(
    new ManagedProcess(options.name, globalThis.process.execPath, [
      ...strataArgs(),
      'gateway',
      '--port',
      '0',
      '--http-port',
      '0',
      '--metadata-url',
      options.metadataUrl,
      ...(options.args ?? []),
    ]),
  );
  const line = await process.waitForLine((l) => l.msg === 'gateway listening');
  return {
    process,
    gatewayId: String(line.gatewayId),
    port: Number(line.port),
    httpPort: Number(line.httpPort),
    address: String(line.address),
  };
}

export interface StandaloneProcess {
  process: ManagedProcess;
  /** host:port of the gateway's gRPC endpoint. */
  serviceUrl: string;
  /** http://host:port of the gateway's HTTP endpoint (admin, metrics). */
  httpUrl: string;
  metadataUrl: string;
}

/**
 * Starts `bin/strata standalone` on its data dir, on random loopback ports unless `ports` names
 * them, and waits for the one line it prints when it serves.
 */
export async function startStandaloneProcess(
  group: ProcessGroup,
  options: { dataDir: string; metadataPort?: number; port?: number; args?: string[] },
): Promise<StandaloneProcess> {
  const process = group.add(
    new ManagedProcess('standalone', globalThis.process.execPath, [
      ...strataArgs(),
      'standalone',
      '--data-dir',
      options.dataDir,
      '--metadata-port',
      String(options.metadataPort ?? 0),
      '--storage-port',
      '0',
      '--port',
      String(options.port ?? 0),
      '--http-port',
      '0',
      '--min-free-bytes',
      '1MiB',
      ...(options.args ?? []),
    ]),
  );
  const match = await process.waitForOutput(STANDALONE_READY, 30_000);
  return {
    process,
    serviceUrl: match[1] as string,
    httpUrl: `http://${match[2] as string}`,
    metadataUrl: match[3] as string,
  };
}

/** The line standalone prints once it serves (see cli/commands/standalone-command.ts). */
export const STANDALONE_READY =
  /^Strata standalone is up: clients connect to (\S+), HTTP admin and metrics on (\S+), metadata at (\S+), data in /;
