import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../proto/load.js';
import { ManagedProcess, type ProcessGroup } from './managed-process.js';

export const STRATA_BIN = join(PACKAGE_ROOT, 'bin', 'strata');

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
      STRATA_BIN,
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
      STRATA_BIN,
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
      STRATA_BIN,
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
      STRATA_BIN,
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
