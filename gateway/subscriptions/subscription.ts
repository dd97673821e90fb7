import type { Delivery } from '../../proto/generated/strata/v1/Delivery.js';
import { InvalidArgumentError } from '../../services/common/errors.js';
import { backoffDelay } from '../../services/common/retry.js';
import type { Logger } from '../../services/common/logger.js';
import type { ManagedCursor } from '../cursor/managed-cursor.js';
import type { ManagedLedger, ManagedLedgerEntry } from '../managed-ledger/managed-ledger.js';
import { comparePositions, type Position } from '../managed-ledger/position.js';
import type { StoredBatch__Output } from '../../proto/generated/strata/gateway/v1/StoredBatch.js';
import { storedBatchCodec } from '../stored-batch.js';
import { positionKey, type DispatchConsumer } from './dispatch-consumer.js';
import type { DispatchPolicy } from './dispatch-policy.js';
import { RateMeter } from '../stats/rate-meter.js';
import {
  ackCumulative,
  ackEntry,
  type AckId,
  type AckTarget,
  type EntryAckIds,
} from './subscription-acks.js';
import { SubscriptionReader } from './subscription-reader.js';

/** Key_Shared: entries waiting for their key's consumer, at most, before reading stops. */
const MAX_PARKED = 1_000;
/** The most permits a consumer may hold. */
const MAX_PERMITS = 1_000_000;

interface DecodedEntry {
  entry: ManagedLedgerEntry;
  stored: StoredBatch__Output;
  redelivery: boolean;
}

/**
 * One subscription of a topic on its owner: the cursor, the consumers, and one read loop that
 * sends entries (whole batches) to the consumer the policy picks, never beyond its permits.
 * Unacknowledged entries of a consumer that leaves, and negatively acknowledged ones after a delay,
 * are redelivered before anything new.
 */
export class Subscription {
  readonly consumers: DispatchConsumer[] = [];
  /** Messages and bytes sent to its consumers (redeliveries included). */
  readonly rateOut = new RateMeter();
  private readonly reader: SubscriptionReader;
  private readonly redeliveries = new Map<string, Position>();
  private readonly redeliveryCounts = new Map<string, number>();
  /** Delivered, not fully acknowledged: key → message count of the batch. */
  private readonly inFlight = new Map<string, number>();
  private activeConsumer: DispatchConsumer | undefined;
  /** Key_Shared: entries whose consumer cannot take them yet, in read order. */
  private parked: DecodedEntry[] = [];
  /** Key_Shared: consumers that joined while others were consuming, and where reading was then. */
  private readonly joinPositions = new Map<number, Position>();

  private pumping = false;
  private closed = false;
  private readonly abort = new AbortController();
  /** Cancels the read loop's wait for new entries: there is other work (redeliveries). */
  private wake: AbortController | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private dispatchFailures = 0;

  private readonly ackTimeouts: NodeJS.Timeout;
  private readonly ackTarget: AckTarget;

  constructor(
    readonly name: string,
    private readonly ledger: ManagedLedger,
    readonly cursor: ManagedCursor,
    readonly policy: DispatchPolicy,
    private readonly options: { partition: number; nackDelayMs: number; logger?: Logger },
  ) {
    this.reader = new SubscriptionReader(ledger, cursor);
    this.ackTarget = {
      name,
      cursor,
      inFlight: this.inFlight,
      settle: (key) => this.settle(key),
    };
    this.ackTimeouts = setInterval(() => this.expireUnacked(), 250);
    this.ackTimeouts.unref();
  }

  /**
   * Deliveries a consumer did not acknowledge within its ack timeout go to the redelivery queue
   * (its late ack still counts: the message stays in flight for the subscription).
   */
  private expireUnacked(): void {
    const now = performance.now();
    let expired = false;
    for (const consumer of this.consumers) {
      if (consumer.ackTimeoutMs <= 0) continue;
      for (const [key, pending] of consumer.pending) {
        if (now - pending.sentAt < consumer.ackTimeoutMs) continue;
        consumer.pending.delete(key);
        if (this.inFlight.has(key)) this.redeliveries.set(key, pending.position);
        expired = true;
      }
    }
    if (expired) this.pump();
  }

  addConsumer(consumer: DispatchConsumer): void {
    this.policy.admit(this.consumers, consumer);
    if (this.policy.keyed && this.consumers.length > 0) {
      this.joinPositions.set(consumer.id, this.earliestUnsent());
    }
    this.consumers.push(consumer);
    this.reader.startTailing();
    this.updateActive();
    this.pump();
  }

  removeConsumer(consumer: DispatchConsumer): void {
    const index = this.consumers.indexOf(consumer);
    if (index < 0) return;
    this.consumers.splice(index, 1);
    this.joinPositions.delete(consumer.id);
    this.redeliverPending(consumer);
    if (this.consumers.length === 0) this.reader.stopTailing();
    this.updateActive();
    this.pump();
  }

  flow(consumer: DispatchConsumer, messages: number): void {
    // Permits are the client's receiver queue: more than this is no queue, only a risk.
    consumer.permits = Math.min(consumer.permits + messages, MAX_PERMITS);
    this.pump();
  }

  /**
   * Acknowledges messages delivered on this subscription (by any of its consumers): `ids` one by
   * one (or cumulatively through ids[0]), and `entries` grouped by entry.
   */
  ack(ids: readonly AckId[], cumulative: boolean, entries: readonly EntryAckIds[] = []): void {
    // A closed subscription (its topic unloaded) no longer owns the cursor.
    if (this.closed) return;
    if (cumulative) {
      if (entries.length > 0)
        throw new InvalidArgumentError('acks grouped by entry cannot be cumulative');
      if (!this.policy.allowsCumulativeAck) {
        throw new InvalidArgumentError(
          `cumulative acks are not allowed on a ${this.policy.type} subscription`,
        );
      }
      const id = ids[0];
      if (id) ackCumulative(this.ackTarget, id);
    } else {
      for (const id of ids)
        ackEntry(this.ackTarget, { ledgerId: id.ledgerId, entryId: id.entryId }, [id.batchIndex]);
      for (const entry of entries) {
        const position = { ledgerId: entry.ledgerId, entryId: entry.entryId };
        ackEntry(this.ackTarget, position, entry.batchIndexes);
      }
    }
    // A moved mark-delete may let a recently joined Key_Shared consumer have its keys; a Failover
    // consumer that stopped being active may have acked the last of what it held.
    if (this.policy.keyed || this.policy.type === 'FAILOVER') this.pump();
  }

  /**
   * Sends these entries again after the nack delay (to whichever consumer the policy picks), or
   * at once when the consumer hands them back unread (`release`: it stopped being active).
   */
  nack(consumer: DispatchConsumer, ids: AckId[], release = false): void {
    for (const id of ids) {
      const position = { ledgerId: id.ledgerId, entryId: id.entryId };
      const key = positionKey(position);
      if (!consumer.pending.delete(key)) continue;
      if (release) {
        if (this.inFlight.has(key)) this.redeliveries.set(key, position);
        continue;
      }
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.inFlight.has(key)) this.redeliveries.set(key, position);
        this.pump();
      }, this.options.nackDelayMs);
      this.timers.add(timer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reader.stopTailing();
    clearInterval(this.ackTimeouts);
    this.abort.abort();
    this.wake?.abort();
    for (const timer of this.timers) clearTimeout(timer);
    await this.cursor.close();
  }

  /**
   * Where a newly joined Key_Shared consumer's restriction starts: the earliest entry not yet sent
   * to anyone (read ahead, parked or waiting for redelivery), not merely the read position.
   */
  private earliestUnsent(): Position {
    let earliest = this.reader.position;
    const candidates = [
      ...this.reader.bufferedPositions,
      ...this.parked.map((p) => p.entry.position),
      ...this.redeliveries.values(),
    ];
    for (const position of candidates) {
      if (comparePositions(position, earliest) < 0) earliest = position;
    }
    return earliest;
  }

  /** Fully acknowledged: no consumer holds it any more, and it is not to be redelivered. */
  private settle(key: string): void {
    this.inFlight.delete(key);
    this.redeliveries.delete(key);
    this.redeliveryCounts.delete(key);
    for (const consumer of this.consumers) consumer.pending.delete(key);
  }

  private redeliverPending(consumer: DispatchConsumer): void {
    for (const [key, pending] of consumer.pending) {
      if (this.inFlight.has(key)) this.redeliveries.set(key, pending.position);
    }
    consumer.pending.clear();
  }

  private updateActive(): void {
    if (!this.policy.active) return;
    const active = this.policy.active(this.consumers);
    if (active === this.activeConsumer) return;
    const previous = this.activeConsumer;
    this.activeConsumer = active;
    // A previous active consumer still connected keeps what it holds: it acks it, or hands it
    // back unread (a release), and the new one gets nothing until then (see route), so a key's
    // messages are never processed by two consumers at once, out of order.
    if (previous && this.consumers.includes(previous)) previous.setActive(false);
    active?.setActive(true);
  }

  /** The read loop: one at a time per subscription; it stops when nobody can take an entry. */
  private pump(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.wake?.abort();
      return;
    }
    this.pumping = true;
    void this.run()
      .catch((error: unknown) => {
        if (this.closed) return;
        // A failed read (a node unreachable for a moment) must not stall the subscription.
        this.options.logger?.warn(
          { err: error, subscription: this.name },
          'dispatch failed; retrying',
        );
        const timer = setTimeout(
          () => this.pump(),
          backoffDelay(++this.dispatchFailures, { initialDelayMs: 100, maxDelayMs: 5_000 }),
        );
        this.timers.add(timer);
        timer.unref();
      })
      .finally(() => {
        this.pumping = false;
      });
  }

  private async run(): Promise<void> {
    while (!this.closed && this.consumers.some((c) => c.permits > 0)) {
      // Parked entries first, in position order: each key's waiting entries keep their order.
      if (this.policy.keyed) await this.parkRedeliveries();
      const blockedKeys = this.retryParked();
      if (this.parked.length >= MAX_PARKED || !this.consumers.some((c) => c.permits > 0)) return;
      const next = await this.nextEntry();
      if (!next) {
        // Caught up: wait for the next entry to be written (or other work), then go on.
        const { ledgerId, entryId } = this.reader.position;
        const last = { ledgerId, entryId: entryId - 1 };
        // One controller per wait, aborted by a wake-up or by close (AbortSignal.any would leak
        // on this Node version).
        const wake = new AbortController();
        this.wake = wake;
        try {
          await this.ledger.waitForEntriesAfter(last, wake.signal);
        } finally {
          this.wake = undefined;
        }
        this.dispatchFailures = 0;
        if (this.ledger.state === 'closed' || this.ledger.state === 'fenced') return;
        continue;
      }
      const consumer = blockedKeys.has(next.stored.key) ? undefined : this.route(next);
      if (consumer) {
        this.send(consumer, next);
        continue;
      }
      if (this.policy.keyed) {
        this.parked.push(next);
        blockedKeys.add(next.stored.key);
        continue;
      }
      if (next.redelivery)
        this.redeliveries.set(positionKey(next.entry.position), next.entry.position);
      else this.reader.putBack(next.entry);
      return;
    }
  }

  /** The consumer for an entry now, if any; a recently joined one waits for older keys' acks. */
  private route(next: DecodedEntry): DispatchConsumer | undefined {
    const consumer = this.policy.choose(this.consumers, { key: next.stored.key });
    if (!consumer) return undefined;
    // Failover: a consumer that stopped being active still holds messages; they come first.
    if (
      this.policy.type === 'FAILOVER' &&
      this.consumers.some((c) => c !== consumer && c.pending.size > 0)
    ) {
      return undefined;
    }
    const joinedAt = this.joinPositions.get(consumer.id);
    if (joinedAt && comparePositions(next.entry.position, joinedAt) >= 0) {
      // Entries before its join may still be unacknowledged at other consumers for the same keys:
      // this consumer gets nothing from its join on until everything before it is acknowledged.
      const markDelete = this.cursor.markDelete;
      if (
        comparePositions(markDelete, {
          ledgerId: joinedAt.ledgerId,
          entryId: joinedAt.entryId - 1,
        }) < 0
      ) {
        return undefined;
      }
      this.joinPositions.delete(consumer.id);
    }
    return consumer;
  }

  /**
   * Key_Shared: redeliveries join the parked entries, and all are served in position order, so a
   * key's older entry (redelivered) never comes after its newer one (parked).
   */
  private async parkRedeliveries(): Promise<void> {
    if (this.redeliveries.size === 0) return;
    const positions = [...this.redeliveries.values()];
    this.redeliveries.clear();
    for (const position of positions) {
      if (this.cursor.isAcked(position)) continue;
      const [entry] = await this.ledger.read(position, 1);
      if (entry)
        this.parked.push({
          entry,
          stored: storedBatchCodec.decode(entry.payload),
          redelivery: true,
        });
    }
    this.parked.sort((a, b) => comparePositions(a.entry.position, b.entry.position));
  }

  /** Sends what parked entries can go now; returns the keys still waiting. */
  private retryParked(): Set<string> {
    const blocked = new Set<string>();
    const still: DecodedEntry[] = [];
    for (const next of this.parked) {
      if (this.cursor.isAcked(next.entry.position)) continue;
      const consumer = blocked.has(next.stored.key) ? undefined : this.route(next);
      if (consumer) this.send(consumer, next);
      else {
        still.push(next);
        blocked.add(next.stored.key);
      }
    }
    this.parked = still;
    return blocked;
  }

  private async nextEntry(): Promise<DecodedEntry | undefined> {
    while (this.redeliveries.size > 0) {
      const position = [...this.redeliveries.values()].sort(comparePositions)[0] as Position;
      this.redeliveries.delete(positionKey(position));
      if (this.cursor.isAcked(position)) continue;
      const [entry] = await this.ledger.read(position, 1);
      if (entry) return { entry, stored: storedBatchCodec.decode(entry.payload), redelivery: true };
    }
    const entry = await this.reader.next();
    if (!entry) return undefined;
    return { entry, stored: storedBatchCodec.decode(entry.payload), redelivery: false };
  }

  private send(consumer: DispatchConsumer, { entry, stored }: DecodedEntry): void {
    const key = positionKey(entry.position);
    const redeliveryCount = this.inFlight.has(key) ? (this.redeliveryCounts.get(key) ?? 0) + 1 : 0;
    if (redeliveryCount > 0) this.redeliveryCounts.set(key, redeliveryCount);
    const ackedIndexes: number[] = [];
    if (stored.messageCount > 1) {
      for (let i = 0; i < stored.messageCount; i++)
        if (this.cursor.isAcked(entry.position, i)) ackedIndexes.push(i);
    }
    const delivery: Delivery = {
      id: { ...entry.position, batchIndex: 0, partition: this.options.partition },
      batch: stored.batch,
      messageCount: stored.messageCount,
      publishTimeMs: stored.publishTimeMs,
      producerName: stored.producerName,
      redeliveryCount,
      ackedIndexes,
    };
    this.inFlight.set(key, stored.messageCount);
    consumer.pending.set(key, {
      position: entry.position,
      messageCount: stored.messageCount,
      sentAt: performance.now(),
    });
    consumer.permits -= stored.messageCount - ackedIndexes.length;
    consumer.deliver(delivery);
  }
}
