import { join } from 'node:path';
import type { RoleKind, RoleState } from './cluster-state.js';
import { strataArgs } from './strata-roles.js';

const HOST = '127.0.0.1';

/** The line in a role's log that says it serves. */
export function isReadyLine(kind: RoleKind, line: string): boolean {
  switch (kind) {
    case 'metadata':
      return line.includes('"msg":"metadata service listening"');
    case 'storage-node':
      return line.includes('"msg":"storage node listening"');
    case 'gateway':
      return line.includes('"msg":"gateway listening"');
    case 'etcd':
      // etcd 3.4 says the first once it serves clients; later versions the second.
      return (
        line.includes('serving client traffic insecurely') ||
        line.includes('ready to serve client requests')
      );
  }
}

function role(
  dir: string,
  id: string,
  kind: RoleKind,
  command: string,
  args: string[],
  ports: Record<string, number>,
  dataDir?: string,
): RoleState {
  const main = Object.values(ports)[0] as number;
  return {
    id,
    kind,
    command,
    args,
    ports,
    address: `${HOST}:${main}`,
    dataDir,
    logFile: join(dir, 'logs', `${id}.log`),
    pid: 0,
  };
}

export function metadataRole(dir: string, port: number): RoleState {
  const dataDir = join(dir, 'data', 'metadata-1');
  return role(
    dir,
    'metadata-1',
    'metadata',
    process.execPath,
    strataArgs('metadata', '--host', HOST, '--port', String(port), '--data-dir', dataDir),
    { port },
    dataDir,
  );
}

/** Member `index` (1-based) of an etcd cluster whose members have `ports` (client, peer) each. */
export function etcdRole(
  dir: string,
  index: number,
  members: Array<{ client: number; peer: number }>,
): RoleState {
  const { client, peer } = members[index - 1] as { client: number; peer: number };
  const id = `etcd-${index}`;
  const dataDir = join(dir, 'data', id);
  const initialCluster = members.map((m, i) => `etcd-${i + 1}=http://${HOST}:${m.peer}`).join(',');
  return role(
    dir,
    id,
    'etcd',
    'etcd',
    [
      '--name',
      id,
      '--data-dir',
      dataDir,
      '--listen-client-urls',
      `http://${HOST}:${client}`,
      '--advertise-client-urls',
      `http://${HOST}:${client}`,
      '--listen-peer-urls',
      `http://${HOST}:${peer}`,
      '--initial-advertise-peer-urls',
      `http://${HOST}:${peer}`,
      '--initial-cluster',
      initialCluster,
      '--initial-cluster-token',
      'strata-local',
      '--logger',
      'zap',
      '--log-outputs',
      'stderr',
    ],
    { client, peer },
    dataDir,
  );
}

export function storageNodeRole(
  dir: string,
  index: number,
  port: number,
  metadataUrl: string,
  extraArgs: string[],
): RoleState {
  const id = `storage-${index}`;
  const dataDir = join(dir, 'data', id);
  return role(
    dir,
    id,
    'storage-node',
    process.execPath,
    [
      ...strataArgs(),
      'storage-node',
      '--host',
      HOST,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--metadata-url',
      metadataUrl,
      ...extraArgs,
    ],
    { port },
    dataDir,
  );
}

export interface Quorums {
  ensembleSize: number;
  writeQuorum: number;
  ackQuorum: number;
}

export function gatewayRole(
  dir: string,
  index: number,
  ports: { port: number; httpPort: number },
  metadataUrl: string,
  quorums: Quorums,
  extraArgs: string[],
): RoleState {
  return role(
    dir,
    `gateway-${index}`,
    'gateway',
    process.execPath,
    [
      ...strataArgs(),
      'gateway',
      '--host',
      HOST,
      '--port',
      String(ports.port),
      '--http-port',
      String(ports.httpPort),
      '--metadata-url',
      metadataUrl,
      '--ensemble-size',
      String(quorums.ensembleSize),
      '--write-quorum',
      String(quorums.writeQuorum),
      '--ack-quorum',
      String(quorums.ackQuorum),
      ...extraArgs,
    ],
    { port: ports.port, httpPort: ports.httpPort },
  );
}
