import { EventEmitter } from 'node:events';
import { LeaseKeeper, type LeaseOps } from './lease-keeper.js';
import type { Logger } from './logger.js';
import { sleep } from './retry.js';

/** What a registration needs of a metadata store (kept here so common depends on nothing). */
export interface RegistrationStore extends LeaseOps {
  put(key: string, value: Uint8Array, options: { leaseId: string }): Promise<unknown>;
}

export interface LeasedRegistrationEvents {
  /** A new lease replaced a lost one: whatever hung on the old lease is gone. */
  leaseReplaced: [LeaseKeeper];
}

/**
 * A role's ephemeral registration: `key` holds `encode()` on a lease the role keeps alive. If the
 * lease is lost (metadata unreachable for longer than its TTL) it registers again on a new lease
 * and says so, so the role can drop what the old lease guarded.
 */
export class LeasedRegistration extends EventEmitter<LeasedRegistrationEvents> {
  private keeper: LeaseKeeper | undefined;
  private stopped = false;

  constructor(
    private readonly store: RegistrationStore,
    private readonly key: string,
    private readonly encode: () => Uint8Array,
    private readonly ttlMs: number,
    private readonly logger?: Logger,
  ) {
    super();
  }

  /** The lease held now. */
  get lease(): LeaseKeeper {
    if (!this.keeper) throw new Error('registration not started');
    return this.keeper;
  }

  async start(): Promise<void> {
    await this.register();
  }

  /** Writes the current `encode()` under the same lease (a change of load, mode, address). */
  async update(): Promise<void> {
    if (this.keeper?.isHolding)
      await this.store.put(this.key, this.encode(), { leaseId: this.keeper.leaseId });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.keeper?.stop();
  }

  private async register(): Promise<void> {
    const keeper = new LeaseKeeper(this.store, { ttlMs: this.ttlMs, logger: this.logger });
    const leaseId = await keeper.start({ deadline: Date.now() + 60_000 });
    await this.store.put(this.key, this.encode(), { leaseId });
    this.keeper = keeper;
    this.logger?.info({ key: this.key, leaseId }, 'registered');
    void keeper.lost.then(async () => {
      while (!this.stopped) {
        this.logger?.warn({ key: this.key }, 'registration lease lost; registering again');
        try {
          await this.register();
          this.emit('leaseReplaced', this.lease);
          return;
        } catch (error) {
          this.logger?.error({ err: error }, 'registration failed; retrying');
          await sleep(1_000);
        }
      }
    });
  }
}
