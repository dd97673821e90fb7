import type { Delivery } from '../../proto/generated/strata/v1/Delivery.js';
import type { Position } from '../managed-ledger/position.js';
import type { RateMeter } from '../stats/rate-meter.js';

/** An entry delivered to a consumer and not yet fully acknowledged. */
export interface PendingDelivery {
  position: Position;
  messageCount: number;
  /** performance.now() when it was sent, for the consumer's ack timeout. */
  sentAt: number;
}

/** A connected consumer as the dispatcher sees it. */
export interface DispatchConsumer {
  readonly id: number;
  readonly name: string;
  /** Messages it may still be sent (its receiver queue space). */
  permits: number;
  /** Redeliver what it has not acknowledged within this (0: never). */
  readonly ackTimeoutMs: number;
  /** Delivered, not yet acknowledged: position key → delivery. Redelivered if it leaves. */
  readonly pending: Map<string, PendingDelivery>;
  deliver(delivery: Delivery): void;
  /** For stats: the client's address, since when, and what it was sent. */
  readonly address: string;
  readonly connectedSinceMs: number;
  readonly rateOut: RateMeter;
  /** Failover: tells the consumer it became active or stopped being active. */
  setActive(active: boolean): void;
}

export const positionKey = (p: Position) => `${p.ledgerId}:${p.entryId}`;
