import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type RoleKind = 'metadata' | 'etcd' | 'storage-node' | 'gateway';

/** One process of a local cluster: how to start it again, and where it is now. */
export interface RoleState {
  /** metadata-1, etcd-2, storage-3, gateway-1... */
  id: string;
  kind: RoleKind;
  command: string;
  args: string[];
  /** The ports it listens on, fixed at `up` so that a restart comes back at the same address. */
  ports: Record<string, number>;
  /** host:port clients (or roles) reach it at. */
  address: string;
  dataDir?: string;
  logFile: string;
  /** The pid of its latest start; 0 before the first. */
  pid: number;
}

/** Everything `cluster status|kill|stop|cont|restart|down` needs, kept in DIR/cluster.json. */
export interface ClusterState {
  dir: string;
  createdAtMs: number;
  metadataUrl: string;
  serviceUrl: string;
  httpUrls: string[];
  roles: RoleState[];
}

const FILE = 'cluster.json';

export async function readClusterState(dir: string): Promise<ClusterState> {
  let text: string;
  try {
    text = await readFile(join(dir, FILE), 'utf8');
  } catch {
    throw new Error(
      `no cluster in ${dir} (${FILE} is missing): run \`strata cluster up --dir ${dir}\``,
    );
  }
  return JSON.parse(text) as ClusterState;
}

/** Written whole to a temp file, then renamed: a crash never leaves half a state. */
export async function writeClusterState(state: ClusterState): Promise<void> {
  const path = join(state.dir, FILE);
  await writeFile(`${path}.tmp`, JSON.stringify(state, null, 2));
  await rename(`${path}.tmp`, path);
}
