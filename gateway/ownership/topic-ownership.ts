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
  /** Claims held: topic path → the ownership key's version and the lease it hangs on. */
  private readonly claims = new Map<string, { version: number; lease: LeaseKeeper }>();

  /** `lease` gives the gateway's lease now: after a loss, its registration holds a new one. */
  constructor(
    private readonly store: MetadataStore,
    private readonly self: { gatewayId: string; address: string },
    private readonly lease: () => LeaseKeeper,
    private readonly logger?: Logger,
  ) {}

  get ownedCount(): number {
    return this.ownedTopics().length;
  }

  owns(path: string): boolean {
    return this.claims.get(path)?.lease.isHolding === true;
  }

  /** Topics claimed on a lease that is still held. */
  ownedTopics(): string[] {
    return [...this.claims.keys()].filter((path) => this.owns(path));
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
      const lease = this.lease();
      try {
        const { version } = await this.store.put(key, value, {
          expectedVersion: MUST_NOT_EXIST,
          leaseId: lease.leaseId,
        });
        this.claims.set(path, { version, lease });
        // The key goes with the lease: so does the claim.
        void lease.lost.then(() => {
          if (this.claims.get(path)?.lease === lease) this.claims.delete(path);
        });
        this.logger?.info({ topic: path }, 'topic claimed');
        return { owned: true };
      } catch (error) {
        if (!(error instanceof BadVersionError)) throw error;
      }
      const kv = await this.store.get(key);
      const owner = kv ? ownerCodec.decode(kv.value) : undefined;
      // Our own key on our own lease (a release that failed to delete it): adopt it rather than
      // redirect clients to ourselves.
      if (kv && owner?.gatewayId === this.self.gatewayId && kv.leaseId === lease.leaseId) {
        this.claims.set(path, { version: kv.version, lease });
        return { owned: true };
      }
      // Gone between the two calls (its owner's lease just expired): try again.
      if (owner) return { owned: false, owner };
    }
  }

  /** The checks to add to every metadata change of an owned topic. */
  guard(path: string): TxnCheck[] {
    const claim = this.owns(path) ? this.claims.get(path) : undefined;
    // Unowned: a check no key can pass, so the change is refused rather than made unguarded.
    return [
      {
        key: clusterKeys.ownership(path),
        expectedVersion: claim?.version ?? Number.MAX_SAFE_INTEGER,
      },
    ];
  }

  /** The claim held on a topic now (an opaque token for `release`). */
  claimOf(path: string): object | undefined {
    return this.owns(path) ? this.claims.get(path) : undefined;
  }

  /**
   * Gives a topic up (unloading it): its key is deleted if it is still ours. With `expected`, only
   * that claim is given up, not a newer one made since.
   */
  async release(path: string, expected?: object): Promise<void> {
    const claim = this.claims.get(path);
    if (claim === undefined || (expected !== undefined && claim !== expected)) return;
    this.claims.delete(path);
    await this.store
      .delete(clusterKeys.ownership(path), { expectedVersion: claim.version })
      .catch((error: unknown) => {
        if (!(error instanceof BadVersionError)) throw error;
      });
  }
}
