import { LeaseKeeper } from '../../services/common/lease-keeper.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import type { Logger } from '../../services/common/logger.js';
import { sleep } from '../../services/common/retry.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { registrationCodec } from '../storage-grpc.js';

export interface RegistrationInfo {
  nodeId: string;
  address: string;
  freeBytes: number;
  readOnly: boolean;
}

/**
 * Keeps the node's ephemeral registration under /strata/storage-nodes/<id>. If the lease is lost
 * (metadata unreachable for longer than its TTL) it registers again with a new lease: the node's
 * data is durable, registration is only how clients find it.
 */
export class NodeRegistration {
  private keeper: LeaseKeeper | undefined;
  private stopped = false;
  private readonly startedAtMs = Date.now();

  constructor(
    private readonly store: MetadataStore,
    private info: RegistrationInfo,
    private readonly ttlMs: number,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.register();
  }

  /** Publishes a change (free space, read-only) under the same lease. */
  async update(change: Partial<RegistrationInfo>): Promise<void> {
    this.info = { ...this.info, ...change };
    if (this.keeper?.isHolding) await this.write(this.keeper.leaseId);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.keeper?.stop();
  }

  private async register(): Promise<void> {
    const keeper = new LeaseKeeper(this.store, { ttlMs: this.ttlMs, logger: this.logger });
    this.keeper = keeper;
    const leaseId = await keeper.start({ deadline: Date.now() + 60_000 });
    await this.write(leaseId);
    this.logger.info(
      { nodeId: this.info.nodeId, address: this.info.address, leaseId },
      'storage node registered',
    );
    void keeper.lost.then(async () => {
      while (!this.stopped) {
        this.logger.warn(
          { nodeId: this.info.nodeId },
          'registration lease lost; registering again',
        );
        try {
          await this.register();
          return;
        } catch (error) {
          this.logger.error({ err: error }, 'registration failed; retrying');
          await sleep(1_000);
        }
      }
    });
  }

  private async write(leaseId: string): Promise<void> {
    const value = registrationCodec.encode({ ...this.info, startedAtMs: this.startedAtMs });
    await this.store.put(clusterKeys.storageNode(this.info.nodeId), value, { leaseId });
  }
}
