import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  etcdRole,
  gatewayRole,
  isReadyLine,
  metadataRole,
  storageNodeRole,
  type Quorums,
} from './cluster-roles.js';
import {
  readClusterState,
  writeClusterState,
  type ClusterState,
  type RoleState,
} from './cluster-state.js';
import {
  conditionOf,
  signalProcess,
  spawnDetached,
  waitForExit,
  waitForLogLine,
  type ProcessCondition,
} from './detached-process.js';
import { FreePorts } from './free-port.js';

export interface ClusterUpOptions {
  dir: string;
  gateways: number;
  storageNodes: number;
  metadata: 'embedded' | 'etcd';
  /** With etcd: 1 or 3 members. */
  etcdMembers?: number;
  quorums: Quorums;
  /**
   * The port storage node i (1-based) tells clients to use, when something listens in front of it
   * (a fault-injecting proxy); unset, its own.
   */
  storageAdvertisePorts?: number[];
  /** Extra flags for every storage node / gateway (lease TTLs, disk thresholds...). */
  storageArgs?: string[];
  gatewayArgs?: string[];
  readyTimeoutMs?: number;
  /**
   * Where the cluster's ports come from: pass the picker that chose ports of your own (the
   * proxies' in `storageAdvertisePorts`), so that no port is picked twice.
   */
  ports?: FreePorts;
}

export interface RoleStatus {
  id: string;
  kind: RoleState['kind'];
  pid: number;
  condition: ProcessCondition;
  address: string;
  logFile: string;
}

/** A role still running after this long on SIGTERM is killed. */
const GRACE_MS = 10_000;

/**
 * A cluster of separate processes on loopback, each role detached with its log and data under one
 * directory, its pids and ports in DIR/cluster.json, so that later commands (and the chaos runner)
 * can kill, stop, resume and restart any role at the same address.
 */
export class LocalCluster {
  /** State writes, one at a time (roles start in parallel). */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly state: ClusterState,
    private readonly readyTimeoutMs: number,
  ) {}

  private save(): Promise<void> {
    this.saving = this.saving.then(() => writeClusterState(this.state));
    return this.saving;
  }

  get dir(): string {
    return this.state.dir;
  }

  get serviceUrl(): string {
    return this.state.serviceUrl;
  }

  get metadataUrl(): string {
    return this.state.metadataUrl;
  }

  get httpUrls(): string[] {
    return this.state.httpUrls;
  }

  get roles(): readonly RoleState[] {
    return this.state.roles;
  }

  /** Opens the cluster recorded in `dir`. */
  static async open(dir: string, readyTimeoutMs = 60_000): Promise<LocalCluster> {
    return new LocalCluster(await readClusterState(resolve(dir)), readyTimeoutMs);
  }

  /**
   * Starts a new cluster in `dir`, or, when `dir` holds one whose processes are all gone, starts
   * that one again on its data. Returns once every role serves.
   */
  static async up(options: ClusterUpOptions): Promise<LocalCluster> {
    const cluster = await LocalCluster.create(options);
    try {
      await cluster.startAll();
    } catch (error) {
      await cluster.down();
      throw error;
    }
    return cluster;
  }

  /**
   * Plans a new cluster in `dir` (or opens the stopped one there) and records it, without starting
   * anything: a caller can put things in front of its roles first (the chaos runner's proxies).
   */
  static async create(options: ClusterUpOptions): Promise<LocalCluster> {
    const dir = resolve(options.dir);
    const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
    let cluster: LocalCluster;
    if (existsSync(join(dir, 'cluster.json'))) {
      cluster = await LocalCluster.open(dir, readyTimeoutMs);
      const alive = (await cluster.status()).filter((r) => r.condition !== 'dead');
      if (alive.length > 0) {
        throw new Error(
          `a cluster already runs in ${dir} (${alive.map((r) => r.id).join(', ')}): run \`strata cluster down --dir ${dir}\` first`,
        );
      }
    } else {
      cluster = new LocalCluster(await LocalCluster.plan(dir, options), readyTimeoutMs);
    }
    await mkdir(join(dir, 'logs'), { recursive: true });
    await mkdir(join(dir, 'data'), { recursive: true });
    await cluster.save();
    return cluster;
  }

  /** Ports and commands of a new cluster (picked now, kept for every restart). */
  private static async plan(dir: string, options: ClusterUpOptions): Promise<ClusterState> {
    const roles: RoleState[] = [];
    const picker = options.ports ?? new FreePorts();
    let metadataUrl: string;
    if (options.metadata === 'etcd') {
      const members = [];
      for (let i = 0; i < (options.etcdMembers ?? 1); i++) {
        members.push({ client: await picker.next(), peer: await picker.next() });
      }
      for (let i = 1; i <= members.length; i++) roles.push(etcdRole(dir, i, members));
      metadataUrl = `etcd://${members.map((m) => `127.0.0.1:${m.client}`).join(',')}`;
    } else {
      const port = await picker.next();
      roles.push(metadataRole(dir, port));
      metadataUrl = `strata://127.0.0.1:${port}`;
    }
    for (let i = 1; i <= options.storageNodes; i++) {
      const advertised = options.storageAdvertisePorts?.[i - 1];
      const args = [
        ...(advertised ? ['--advertise-address', `127.0.0.1:${advertised}`] : []),
        ...(options.storageArgs ?? []),
      ];
      roles.push(storageNodeRole(dir, i, await picker.next(), metadataUrl, args));
    }
    const gateways: RoleState[] = [];
    for (let i = 1; i <= options.gateways; i++) {
      const ports = { port: await picker.next(), httpPort: await picker.next() };
      gateways.push(
        gatewayRole(dir, i, ports, metadataUrl, options.quorums, options.gatewayArgs ?? []),
      );
    }
    roles.push(...gateways);
    return {
      dir,
      createdAtMs: Date.now(),
      metadataUrl,
      serviceUrl: gateways.map((g) => g.address).join(','),
      httpUrls: gateways.map((g) => `http://127.0.0.1:${g.ports.httpPort as number}`),
      roles,
    };
  }

  role(id: string): RoleState {
    const role = this.state.roles.find((r) => r.id === id);
    if (!role) {
      throw new Error(
        `no role ${id} in this cluster (roles: ${this.state.roles.map((r) => r.id).join(', ')})`,
      );
    }
    return role;
  }

  async status(): Promise<RoleStatus[]> {
    return Promise.all(
      this.state.roles.map(async (r) => ({
        id: r.id,
        kind: r.kind,
        pid: r.pid,
        condition: await conditionOf(r.pid),
        address: r.address,
        logFile: r.logFile,
      })),
    );
  }

  /** Starts a role that is not running, and waits until it serves. */
  async start(id: string): Promise<void> {
    const role = this.role(id);
    if ((await conditionOf(role.pid)) !== 'dead') throw new Error(`${id} is already running`);
    if (role.dataDir) await mkdir(role.dataDir, { recursive: true });
    const offset = await stat(role.logFile).then(
      (s) => s.size,
      () => 0,
    );
    role.pid = spawnDetached(role.command, role.args, role.logFile);
    await this.save();
    await waitForLogLine(
      role.logFile,
      role.pid,
      (line) => isReadyLine(role.kind, line),
      offset,
      this.readyTimeoutMs,
    ).catch((error: unknown) => {
      throw new Error(`${id}: ${(error as Error).message}`);
    });
  }

  /** Starts every role that is not running: metadata, then storage nodes, then gateways. */
  async startAll(): Promise<void> {
    for (const kinds of [['metadata', 'etcd'], ['storage-node'], ['gateway']]) {
      const roles = [];
      for (const role of this.state.roles.filter((r) => kinds.includes(r.kind))) {
        if ((await conditionOf(role.pid)) === 'dead') roles.push(role);
      }
      await Promise.all(roles.map((r) => this.start(r.id)));
    }
  }

  /** kill -9 of every role at once (a power cut). */
  async killAll(): Promise<void> {
    await Promise.all(this.state.roles.map((r) => this.kill(r.id)));
  }

  /** kill -9, and wait until it is gone. */
  async kill(id: string): Promise<void> {
    const role = this.role(id);
    signalProcess(role.pid, 'SIGKILL');
    await waitForExit(role.pid, 5_000);
  }

  /** SIGSTOP: the process freezes (a long pause), holding its sockets and leases' last state. */
  async stop(id: string): Promise<void> {
    signalProcess(this.role(id).pid, 'SIGSTOP');
  }

  async cont(id: string): Promise<void> {
    signalProcess(this.role(id).pid, 'SIGCONT');
  }

  /** Stops a role (SIGTERM, SIGKILL after a grace period) and starts it again. */
  async restart(id: string): Promise<void> {
    await this.terminate(this.role(id));
    await this.start(id);
  }

  /** Stops every role: gateways first, then storage nodes, then metadata. */
  async down(): Promise<void> {
    for (const kinds of [['gateway'], ['storage-node'], ['metadata', 'etcd']]) {
      await Promise.all(
        this.state.roles.filter((r) => kinds.includes(r.kind)).map((r) => this.terminate(r)),
      );
    }
  }

  private async terminate(role: RoleState): Promise<void> {
    if ((await conditionOf(role.pid)) === 'dead') return;
    signalProcess(role.pid, 'SIGCONT');
    signalProcess(role.pid, 'SIGTERM');
    if (!(await waitForExit(role.pid, GRACE_MS))) {
      signalProcess(role.pid, 'SIGKILL');
      await waitForExit(role.pid, 5_000);
    }
  }
}
