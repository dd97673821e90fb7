import { status } from '@grpc/grpc-js';
import { StrataError } from '../../services/common/errors.js';
import type { DispatchConsumer } from './dispatch-consumer.js';

export type SubscriptionType = 'EXCLUSIVE' | 'SHARED' | 'FAILOVER' | 'KEY_SHARED';

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
  /** The consumer to send the next entry to, or undefined when none can take it now. */
  choose(consumers: readonly DispatchConsumer[]): DispatchConsumer | undefined;
  /** Failover: the consumer that should be active, for telling them. */
  active?(consumers: readonly DispatchConsumer[]): DispatchConsumer | undefined;
  /** Whether cumulative acks make sense (one consumer sees the whole order). */
  readonly allowsCumulativeAck: boolean;
}

/** One consumer; a second is refused. */
export function exclusivePolicy(subscription: string): DispatchPolicy {
  return {
    type: 'EXCLUSIVE',
    allowsCumulativeAck: true,
    admit: (consumers) => {
      if (consumers.length > 0)
        throw new ConsumerBusyError(subscription, 'is exclusive and already has a consumer');
    },
    choose: (consumers) => consumers.find((c) => c.permits > 0),
  };
}

/** One active consumer, the first by name; the others stand by and take over in that order. */
export function failoverPolicy(): DispatchPolicy {
  const active = (consumers: readonly DispatchConsumer[]) =>
    [...consumers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id))[0];
  return {
    type: 'FAILOVER',
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
