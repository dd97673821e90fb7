import { NotOwnerError } from '../../services/common/errors.js';
import type { Logger } from '../../services/common/logger.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import type { LedgerClient } from '../../storage-node/client/ledger-client.js';
import { ManagedLedgerImpl } from '../managed-ledger/managed-ledger-impl.js';
import type { ManagedLedger, ManagedLedgerConfig } from '../managed-ledger/managed-ledger.js';
import { ManagedCursor } from '../cursor/managed-cursor.js';
import type { Position } from '../managed-ledger/position.js';
import type { TopicOwnership } from '../ownership/topic-ownership.js';
import { ConsumerBusyError, type DispatchPolicy } from '../subscriptions/dispatch-policy.js';
import { Subscription } from '../subscriptions/subscription.js';
import { topicPath, type TopicName } from '../topic-name.js';
import type { TopicCatalog } from '../catalog/topic-catalog.js';
import { RateMeter } from '../stats/rate-meter.js';
import { deleteTopicData } from './topic-data-deletion.js';
import { TopicBusyError } from './topic-busy-error.js';
import type { EntryCacheBudget } from '../managed-ledger/entry-cache.js';

export interface ConnectedProducer {
  address: string;
  connectedSinceMs: number;
  rate: RateMeter;
}

export interface LoadedTopic {
  name: TopicName;
  path: string;
  ledger: ManagedLedger;
  /** The producers connected to it here, by name. */
  producers: Map<string, ConnectedProducer>;
  /** Messages and bytes stored and delivered. */
  rateIn: RateMeter;
  rateOut: RateMeter;
  /** Its subscriptions with a consumer here (or had one), opened once each. */
  subscriptions: Map<string, Promise<Subscription>>;
  /** Client streams bound to it: ended (clients look it up again) when it unloads. */
  streams: Set<() => void>;
  /** The ownership claim it was loaded under. */
  claim: object;
}

export interface SubscriptionRequest {
  name: string;
  policy: DispatchPolicy;
  initialPosition: 'EARLIEST' | 'LATEST';
  nackDelayMs: number;
}

export interface TopicManagerContext {
  ledgers: LedgerClient;
  metadata: MetadataStore;
  ownership: TopicOwnership;
  config: ManagedLedgerConfig;
  /** Shared by every topic's cache of recent entries. */
  entryCache?: EntryCacheBudget;
  /** Where a topic may be created, and with which persistence policy. */
  catalog: TopicCatalog;
  logger?: Logger;
  /** Told whenever the set of loaded topics changes (the registration publishes the load). */
  onChange?: () => void;
}

/**
 * The topics this gateway serves. A topic is loaded on first use: claimed if nobody owns it
 * (NotOwnerError naming the owner otherwise), then its managed ledger is opened with the
 * ownership guard. Loading is serialized per topic.
 */
export class TopicManager {
  private readonly topics = new Map<string, Promise<LoadedTopic>>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly ctx: TopicManagerContext) {}

  get loadedCount(): number {
    return this.topics.size;
  }

  /** `forDelete`: loaded to be deleted (a partition of a topic being deleted may still load). */
  async acquire(name: TopicName, forDelete = false): Promise<LoadedTopic> {
    const path = topicPath(name);
    // A load must not overlap the unload of the same topic (it would share, then lose, its claim).
    await this.unloading.get(path);
    const existing = this.topics.get(path);
    if (existing) {
      const topic = await existing.catch(() => undefined);
      if (topic && this.usable(topic)) return topic;
      if (this.topics.get(path) === existing) await this.unload(path, topic);
      await this.unloading.get(path);
    }
    let loading = this.topics.get(path);
    if (!loading) {
      loading = this.load(name, path, forDelete);
      this.topics.set(path, loading);
      loading.catch(() => {
        if (this.topics.get(path) === loading) this.topics.delete(path);
      });
    }
    return loading;
  }

  /**
   * Stops serving a topic here: ends its client streams (they look it up again), closes its
   * subscriptions and log, and gives up its ownership. With `expected`, only if that is still the
   * topic loaded at `path` (a late failure of an old instance must not unload a new one).
   */
  async unload(
    path: string,
    expected?: LoadedTopic,
    options: { deleteData?: boolean } = {},
  ): Promise<void> {
    const loading = this.topics.get(path);
    if (!loading) return this.unloading.get(path);
    if (expected && (await loading.catch(() => undefined)) !== expected) return;
    if (this.topics.get(path) !== loading) return this.unloading.get(path);
    this.topics.delete(path);
    const done = (async () => {
      const topic = await loading.catch(() => undefined);
      if (!topic) return;
      for (const end of [...topic.streams]) end();
      for (const subscription of topic.subscriptions.values()) {
        await (await subscription.catch(() => undefined))?.close().catch(() => {});
      }
      await topic.ledger.close().catch(() => {});
      try {
        // Still under the claim: only the owner may delete the topic's metadata.
        if (options.deleteData) {
          await deleteTopicData(
            this.ctx,
            path,
            this.ctx.ownership.guard(path),
            topic.ledger.ledgers().map((l) => l.ledgerId),
          );
        }
      } finally {
        await this.ctx.ownership.release(path, topic.claim).catch(() => {});
        this.ctx.onChange?.();
      }
    })();
    this.unloading.set(path, done);
    try {
      await done;
    } finally {
      if (this.unloading.get(path) === done) this.unloading.delete(path);
    }
  }

  /** The topic if it is loaded and served here now; never loads it. */
  async peek(path: string): Promise<LoadedTopic | undefined> {
    const topic = await this.topics.get(path)?.catch(() => undefined);
    return topic && this.usable(topic) ? topic : undefined;
  }

  /**
   * Deletes a topic (which must exist): loads it here if nobody owns it (NotOwnerError naming the
   * owner otherwise), refuses while clients are connected unless `force`, which disconnects them,
   * then closes it and deletes its metadata and ledgers.
   */
  async delete(name: TopicName, force: boolean): Promise<void> {
    const topic = await this.acquire(name, true);
    let consumers = 0;
    for (const opening of topic.subscriptions.values()) {
      consumers += (await opening.catch(() => undefined))?.consumers.length ?? 0;
    }
    if (!force && (topic.producers.size > 0 || consumers > 0)) {
      throw new TopicBusyError(name.full, topic.producers.size, consumers);
    }
    await this.unload(topic.path, topic, { deleteData: true });
  }

  /** The topic's subscription, opened (its cursor loaded or created) on first use. */
  subscription(topic: LoadedTopic, request: SubscriptionRequest): Promise<Subscription> {
    let opening = topic.subscriptions.get(request.name);
    if (!opening) {
      opening = this.openSubscription(topic, request);
      topic.subscriptions.set(request.name, opening);
      opening.catch(() => topic.subscriptions.delete(request.name));
    }
    return opening.then((subscription) => {
      if (subscription.policy.type !== request.policy.type) {
        throw new ConsumerBusyError(
          request.name,
          `is ${subscription.policy.type}; a ${request.policy.type} consumer cannot join it`,
        );
      }
      return subscription;
    });
  }

  private async openSubscription(
    topic: LoadedTopic,
    request: SubscriptionRequest,
  ): Promise<Subscription> {
    const { ledger } = topic;
    const start: Position =
      request.initialPosition === 'EARLIEST'
        ? { ledgerId: ledger.firstPosition.ledgerId, entryId: -1 }
        : (ledger.lastConfirmed ?? { ledgerId: ledger.firstPosition.ledgerId, entryId: -1 });
    const cursor = await ManagedCursor.open(
      {
        metadata: this.ctx.metadata,
        logger: this.ctx.logger,
        guard: () => this.ctx.ownership.guard(topic.path),
      },
      topic.path,
      request.name,
      ledger,
      start,
    );
    return new Subscription(request.name, ledger, cursor, request.policy, {
      partition: topic.name.partition ?? -1,
      nackDelayMs: request.nackDelayMs,
      logger: this.ctx.logger,
    });
  }

  async unloadAll(): Promise<void> {
    await Promise.all([...this.topics.keys()].map((path) => this.unload(path)));
  }

  private usable(topic: LoadedTopic): boolean {
    const state = topic.ledger.state;
    return this.ctx.ownership.owns(topic.path) && (state === 'open' || state === 'rolling');
  }

  private async load(name: TopicName, path: string, beingDeleted: boolean): Promise<LoadedTopic> {
    // Before claiming: a topic that may not exist (no namespace, a partitioned topic's own name)
    // is refused here rather than claimed.
    const { persistence } = await this.ctx.catalog.forAutoCreation(name, { beingDeleted });
    const claimed = await this.ctx.ownership.tryClaim(path);
    if (!claimed.owned) throw new NotOwnerError(name.full, claimed.owner.address);
    const claim = this.ctx.ownership.claimOf(path);
    if (!claim) throw new NotOwnerError(name.full, '');
    try {
      const ledger = await ManagedLedgerImpl.open(
        {
          ledgers: this.ctx.ledgers,
          metadata: this.ctx.metadata,
          logger: this.ctx.logger,
          entryCache: this.ctx.entryCache,
          guard: () => this.ctx.ownership.guard(path),
          creationChecks: async () =>
            (await this.ctx.catalog.forAutoCreation(name, { beingDeleted })).checks,
        },
        name,
        { ...this.ctx.config, ...persistence },
      );
      this.ctx.onChange?.();
      return {
        name,
        path,
        ledger,
        producers: new Map(),
        rateIn: new RateMeter(),
        rateOut: new RateMeter(),
        subscriptions: new Map(),
        streams: new Set(),
        claim,
      };
    } catch (error) {
      await this.ctx.ownership.release(path, claim).catch(() => {});
      throw error;
    }
  }
}
