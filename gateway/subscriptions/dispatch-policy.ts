import { status } from '@grpc/grpc-js';
import { StrataError } from '../../services/common/errors.js';
import { murmur3 } from '../../services/common/murmur3.js';
import type { DispatchConsumer } from './dispatch-consumer.js';

export type SubscriptionType = 'EXCLUSIVE' | 'SHARED' | 'FAILOVER' | 'KEY_SHARED';

/** What a policy may know of an entry: where it is and the key of its batch. */
export interface DispatchEntry {
  key: string;
}

export class ConsumerBusyError extends StrataError {
  constructor(subscription: string, detail: string) {
    super(
      'CONSUMER_BUSY',
      status.FAILED_PRECONDITION,
      `subscription ${subscription} ${detail}`,
      false,
    );
  }
}

/**
 * Who may join a subscription and who gets the next entry: one policy per subscription type,
 * with Pulsar's semantics.
 */
export interface DispatchPolicy {
  readonly type: SubscriptionType;
  /** Throws ConsumerBusyError when the consumer may not join. */
  admit(consumers: readonly DispatchConsumer[], joining: DispatchConsumer): void;
  /** The consumer to send `entry` to, or undefined when none can take it now. */
  choose(
    consumers: readonly DispatchConsumer[],
    entry: DispatchEntry,
  ): DispatchConsumer | undefined;
  /**
   * Entries go to one consumer by their key: an entry whose consumer cannot take it now waits
   * (parked) instead of going elsewhere, and so does every later entry with its key.
   */
  readonly keyed: boolean;
  /** Failover: the consumer that should be active, for telling them. */
  active?(consumers: readonly DispatchConsumer[]): DispatchConsumer | undefined;
  /** Whether cumulative acks make sense (one consumer sees the whole order). */
  readonly allowsCumulativeAck: boolean;
}

/** One consumer; a second is refused. */
export function exclusivePolicy(subscription: string): DispatchPolicy {
  return {
    type: 'EXCLUSIVE',
    keyed: false,
    allowsCumulativeAck: true,
    admit: (consumers) => {
      if (consumers.length > 0)
        throw new ConsumerBusyError(subscription, 'is exclusive and already has a consumer');
    },
    choose: (consumers) => consumers.find((c) => c.permits > 0),
  };
}

/**
 * One active consumer; the others stand by. Consumers are ordered by name, and partition `p` of a
 * partitioned topic picks the `p mod n`-th (Pulsar's rule), so the partitions' active consumers
 * spread over the subscription's consumers; a topic without partitions picks the first.
 */
export function failoverPolicy(partition = -1): DispatchPolicy {
  const active = (consumers: readonly DispatchConsumer[]) => {
    const sorted = [...consumers].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id,
    );
    return sorted[partition >= 0 ? partition % sorted.length : 0];
  };
  return {
    type: 'FAILOVER',
    keyed: false,
    allowsCumulativeAck: true,
    admit: () => {},
    active,
    choose: (consumers) => {
      const current = active(consumers);
      return current && current.permits > 0 ? current : undefined;
    },
  };
}

/** Round-robin over the consumers that have permits. */
export function sharedPolicy(): DispatchPolicy {
  let next = 0;
  return {
    type: 'SHARED',
    keyed: false,
    allowsCumulativeAck: false,
    admit: () => {},
    choose: (consumers) => {
      for (let i = 0; i < consumers.length; i++) {
        const consumer = consumers[(next + i) % consumers.length] as DispatchConsumer;
        if (consumer.permits > 0) {
          next = (next + i + 1) % consumers.length;
          return consumer;
        }
      }
      return undefined;
    },
  };
}

/** Points per consumer on the hash ring (Pulsar's consistent-hashing selector uses 100). */
const RING_POINTS = 100;

/**
 * Key_Shared: a key's batches always go to one consumer, chosen on a consistent-hash ring of
 * Murmur3 hashes, so a consumer joining or leaving moves only the keys next to its points.
 */
export function keySharedPolicy(): DispatchPolicy {
  let ring: Array<{ hash: number; consumer: DispatchConsumer }> = [];
  let members = '';
  const owner = (
    consumers: readonly DispatchConsumer[],
    key: string,
  ): DispatchConsumer | undefined => {
    const signature = consumers.map((c) => c.id).join(',');
    if (signature !== members) {
      members = signature;
      ring = consumers
        .flatMap((consumer) =>
          Array.from({ length: RING_POINTS }, (_, i) => ({
            hash: murmur3(`${consumer.name}#${consumer.id}#${i}`),
            consumer,
          })),
        )
        .sort((a, b) => a.hash - b.hash);
    }
    if (ring.length === 0) return undefined;
    const hash = murmur3(key);
    let low = 0;
    let high = ring.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((ring[middle] as { hash: number }).hash < hash) low = middle + 1;
      else high = middle;
    }
    return (ring[low % ring.length] as { consumer: DispatchConsumer }).consumer;
  };
  return {
    type: 'KEY_SHARED',
    keyed: true,
    allowsCumulativeAck: false,
    admit: () => {},
    choose: (consumers, entry) => {
      const consumer = owner(consumers, entry.key);
      return consumer && consumer.permits > 0 ? consumer : undefined;
    },
  };
}
