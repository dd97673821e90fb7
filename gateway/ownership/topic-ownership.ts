import type {
  TopicOwner,
  TopicOwner__Output,
} from '../../proto/generated/strata/gateway/v1/TopicOwner.js';
import { loadMessageCodec } from '../../proto/load.js';
import { BadVersionError } from '../../services/common/errors.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import type { LeaseKeeper } from '../../services/common/lease-keeper.js';
import type { Logger } from '../../services/common/logger.js';
import {
  MUST_NOT_EXIST,
  type MetadataStore,
  type TxnCheck,
} from '../../services/metadata/metadata-store.js';

const ownerCodec = loadMessageCodec<TopicOwner, TopicOwner__Output>(
  'strata/gateway/v1/ownership.proto',
  'strata.gateway.v1.TopicOwner',
);

export type Owner = TopicOwner__Output;

export type ClaimResult = { owned: true } | { owned: false; owner: Owner };

/**
 * This gateway's topic ownership. A topic is claimed by creating its ownership key (create-only)
 * on the gateway's lease; the key goes when the lease does. Every change the owner makes to the
 * topic's metadata carries `guard(path)`, a check that the key is still the one it created, so
 * an owner whose lease lapsed can change nothing even before its ledgers are fenced.
 */
export class TopicOwnership {
  /** Claims held: topic path → version of the ownership key. */
  private readonly claims = new Map<string, number>();

  constructor(
    private readonly store: MetadataStore,
    private readonly self: { gatewayId: string; address: string },
    private readonly lease: LeaseKeeper,
    private readonly logger?: Logger,
  ) {
    void lease.lost.then(() => {
      if (this.claims.size > 0)
        this.logger?.error({ topics: this.claims.size }, 'lease lost: every owned topic is gone');
      this.claims.clear();
    });
  }

  get ownedCount(): number {
    return this.claims.size;
  }

  owns(path: string): boolean {
    return this.claims.has(path) && this.lease.isHolding;
  }

  /** The current owner of a topic, as the metadata store says. */
  async owner(path: string): Promise<Owner | undefined> {
    const kv = await this.store.get(clusterKeys.ownership(path));
    return kv ? ownerCodec.decode(kv.value) : undefined;
  }

  /** Claims the topic if nobody owns it; otherwise says who does. */
  async tryClaim(path: string): Promise<ClaimResult> {
    if (this.owns(path)) return { owned: true };
    const key = clusterKeys.ownership(path);
    const value = ownerCodec.encode({ ...this.self, claimedAtMs: Date.now() });
    for (;;) {
      try {
        const { version } = await this.store.put(key, value, {
          expectedVersion: MUST_NOT_EXIST,
          leaseId: this.lease.leaseId,
        });
        this.claims.set(path, version);
        this.logger?.info({ topic: path }, 'topic claimed');
        return { owned: true };
      } catch (error) {
        if (!(error instanceof BadVersionError)) throw error;
      }
      const owner = await this.owner(path);
      // Gone between the two calls (its owner's lease just expired): try again.
      if (owner) return { owned: false, owner };
    }
  }

  /** The checks to add to every metadata change of an owned topic. */
  guard(path: string): TxnCheck[] {
    const version = this.claims.get(path);
    // Unowned: a check no key can pass, so the change is refused rather than made unguarded.
    return [
      { key: clusterKeys.ownership(path), expectedVersion: version ?? Number.MAX_SAFE_INTEGER },
    ];
  }

  /** Gives a topic up (unloading it): its key is deleted if it is still ours. */
  async release(path: string): Promise<void> {
    const version = this.claims.get(path);
    this.claims.delete(path);
    if (version === undefined) return;
    await this.store
      .delete(clusterKeys.ownership(path), { expectedVersion: version })
      .catch((error: unknown) => {
        if (!(error instanceof BadVersionError)) throw error;
      });
  }
}
