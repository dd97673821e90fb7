/**
 * The recorded history of one chaos run: what producers sent, what consumers received, which faults
 * were injected when, and what the storage nodes hold at the end. The chaos runner writes it; the
 * checker (`checker.ts`) judges it. Plain data only, so a history can be saved as JSON and judged
 * again later.
 *
 * A message is identified by (topic, producer, key, seq) on both sides. `topic` is the partition's
 * own topic (`<topic>-partition-<i>`) because each partition's producer numbers its own sends.
 * All times are milliseconds on the runner's clock (`Date.now()`), except `publishTimeMs`, which a
 * gateway stamps; the runner's processes share one machine, so the clocks agree.
 *
 * The checker's report types live here too, so the runner, the checker and the formatter share one
 * vocabulary without importing each other.
 */

/** A message's position: its entry (ledger, entry), its index in the batch, and its partition. */
export interface RecordedMessageId {
  ledgerId: number;
  entryId: number;
  batchIndex: number;
  partition: number;
}

/** Subscription types, as in Pulsar. */
export type SubscriptionType = 'shared' | 'key_shared' | 'failover' | 'exclusive';

/** One send as its producer saw it. */
export interface SentMessage {
  producer: string;
  topic: string;
  key: string;
  /** The producer's sequence number: increases with every send of that producer on that topic. */
  seq: number;
  sentAtMs: number;
  /**
   * `acked`: the send resolved, so the message must never be lost. `failed`: it was rejected (see
   * `failure`). `in-flight`: no answer came before the run ended or its process was killed.
   */
  outcome: 'acked' | 'failed' | 'in-flight';
  /** Why a failed send failed. A retriable failure may still have been stored (receipt lost). */
  failure?: { code: string; retriable: boolean };
  ackedAtMs?: number;
  /** The message id returned with the ack. */
  id?: RecordedMessageId;
}

/** One delivery to a consumer. A redelivered message appears once per delivery. */
export interface ReceivedMessage {
  subscription: string;
  type: SubscriptionType;
  consumer: string;
  topic: string;
  producer: string;
  key: string;
  seq: number;
  receivedAtMs: number;
  /** The gateway's stamp in the entry, taken just before it appended the entry. */
  publishTimeMs: number;
  /** Deliveries before this one, as counted by the gateway (0 on the first delivery it knows of). */
  redeliveryCount: number;
  id: RecordedMessageId;
}

/** An injected fault, e.g. `{ kind: 'kill', target: 'gateway-1' }`, from its start to its end. */
export interface FaultEvent {
  kind: string;
  target: string;
  startMs: number;
  /** When the fault was lifted (process restarted, pause ended); equal to startMs if instantaneous. */
  endMs: number;
}

/** A ledger that a recovery fenced and closed. */
export interface FencedLedger {
  ledgerId: number;
  /** The ledger's last entry as closed by recovery; -1 if it was closed empty. */
  lastEntryId: number;
  fencedAtMs: number;
}

/** One copy of an entry found on a storage node by the final scan. */
export interface StoredEntry {
  ledgerId: number;
  entryId: number;
  nodeId: string;
  /** The gateway's stamp inside the entry, taken just before it appended. */
  publishTimeMs: number;
}

/** A declared subscription and the topics (partitions) it reads. */
export interface SubscriptionInfo {
  name: string;
  type: SubscriptionType;
  topics: string[];
}

/** Everything the checker needs from one run. */
export interface RunHistory {
  sent: SentMessage[];
  received: ReceivedMessage[];
  subscriptions: SubscriptionInfo[];
  faults: FaultEvent[];
  fencedLedgers: FencedLedger[];
  storedEntries: StoredEntry[];
}

// ---- The checker's options and report (`checker.ts` builds it, `format-report.ts` renders it). ----

export interface CheckOptions {
  /** A duplicate received up to this long after a fault ended is explained by that fault. */
  faultWindowMs?: number;
  /** Cap on every list of examples. */
  maxExamples?: number;
}

/** Identifies a message: (topic, producer, key, seq). Key is '' for a message without one. */
export interface MessageRef {
  topic: string;
  producer: string;
  key: string;
  seq: number;
}
export interface Found<T> {
  count: number;
  examples: T[];
}
export interface LostExample extends MessageRef {
  subscription: string;
  ackedAtMs?: number;
  id?: RecordedMessageId;
}
/** One delivery, as shown in examples. */
export interface Delivery extends MessageRef {
  subscription: string;
  consumer: string;
  receivedAtMs: number;
  id: RecordedMessageId;
}
export interface OrderViolationExample extends Delivery {
  type: SubscriptionType;
  /** The highest seq of the same (topic, producer, key) first received before this one. */
  afterSeq: number;
}
export interface DuplicateExample extends Delivery {
  redeliveryCount: number;
  firstId: RecordedMessageId;
}
export interface PhantomExample extends Delivery {
  reason: 'never-sent' | 'send-failed';
  failureCode?: string;
}
export interface ReadPastEndExample extends Delivery {
  lastEntryId: number;
}
export interface ZombieWriteExample {
  ledgerId: number;
  entryId: number;
  nodeIds: string[];
  publishTimeMs: number;
  fencedAtMs: number;
  lastEntryId: number;
}
export interface SubscriptionDuplicates {
  type: SubscriptionType;
  total: number;
  explained: number;
  unexplained: number;
  /** At another message id than the first reception: stored twice, not redelivered. */
  atNewPosition: number;
}

export interface CheckReport {
  sent: number;
  acked: number;
  failed: number;
  inFlight: number;
  received: number;
  /** Per (subscription, acked message) never received. */
  lost: Found<LostExample> & { bySubscription: Record<string, number> };
  orderViolations: Found<OrderViolationExample>;
  duplicates: {
    total: number;
    explained: number;
    explainedByRedelivery: number;
    explainedByFault: number;
    unexplained: number;
    atNewPosition: number;
    bySubscription: Record<string, SubscriptionDuplicates>;
    /** Each fault with the duplicates it explains (the latest-started fault covering one wins). */
    byFault: Array<FaultEvent & { duplicates: number }>;
    unexplainedExamples: DuplicateExample[];
  };
  /** Distinct messages received that were never acked (and not in flight at a crash). */
  phantoms: Found<PhantomExample>;
  /** Distinct messages received whose send was in flight or failed retriably: allowed. */
  inFlightSeen: number;
  /** Distinct entries (ledger, entry) written past a fenced end after the fence. */
  zombieWrites: Found<ZombieWriteExample>;
  /** Distinct entries past a fenced end stamped before the fence: never confirmed, allowed. */
  unconfirmedLeftovers: number;
  /** Deliveries of an entry past its fenced ledger's end. */
  readPastEnd: Found<ReadPastEndExample>;
  /** receivedAtMs − publishTimeMs over first receptions. */
  endToEndLatencyMs: { count: number; p50: number; p99: number; p999: number; max: number };
  warnings: string[];
  ok: boolean;
}
