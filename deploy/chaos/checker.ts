import type {
  CheckOptions,
  CheckReport,
  Delivery,
  DuplicateExample,
  FaultEvent,
  FencedLedger,
  LostExample,
  MessageRef,
  OrderViolationExample,
  PhantomExample,
  ReadPastEndExample,
  ReceivedMessage,
  RecordedMessageId,
  RunHistory,
  SubscriptionDuplicates,
  SubscriptionType,
  ZombieWriteExample,
} from './history.js';

export type { CheckOptions, CheckReport } from './history.js';
import { Collector, Groups, SentIndex, strength } from './message-index.js';

/**
 * Judges a chaos run's history against the invariants in DESIGN.md: no acked message lost, per-key
 * order, no phantom, no zombie write, no read past a fenced ledger's end. Duplicates are counted and
 * explained, never failed: at-least-once allows them.
 *
 * Built for millions of records: no string is built per record (strings are interned into numbers
 * with nested Maps), sent messages are found by bisection over sorted typed arrays, and per
 * subscription state is typed arrays indexed by those numbers. A Map of joined string keys was ~5×
 * slower and held far more memory.
 */

const refOf = (m: MessageRef): MessageRef => ({
  topic: m.topic,
  producer: m.producer,
  key: m.key,
  seq: m.seq,
});
const deliveryOf = (m: ReceivedMessage): Delivery => ({
  subscription: m.subscription,
  consumer: m.consumer,
  ...refOf(m),
  receivedAtMs: m.receivedAtMs,
  id: m.id,
});
const sameId = (a: RecordedMessageId, b: RecordedMessageId) =>
  a.ledgerId === b.ledgerId &&
  a.entryId === b.entryId &&
  a.batchIndex === b.batchIndex &&
  a.partition === b.partition;

interface SubState {
  name: string;
  type: SubscriptionType;
  topics: Set<string>;
  declared: boolean;
  /** Per sent record: index in `received` of its first reception here, or -1. */
  firstBySent: Int32Array;
  /** First receptions of messages with no sent record, by `${group}:${seq}`. */
  firstOther: Map<string, number>;
  /** Highest seq first-received per group; undefined for shared, which promises no order. */
  maxSeq: Float64Array | undefined;
  dup: SubscriptionDuplicates;
}

export function checkHistory(history: RunHistory, options: CheckOptions = {}): CheckReport {
  const faultWindowMs = options.faultWindowMs ?? 30_000;
  const cap = options.maxExamples ?? 20;
  const { sent, received } = history;
  const warnings: string[] = [];

  const groups = new Groups();
  const sentGroup = Int32Array.from(sent, (s) => groups.id(s));
  const recvGroup = Int32Array.from(received, (m) => groups.id(m));
  const index = new SentIndex(sent, sentGroup, groups.count);
  if (index.repeats > 0)
    warnings.push(`${index.repeats} sent records repeat a (topic, producer, key, seq)`);

  const subs = new Map<string, SubState>();
  const addSub = (name: string, type: SubscriptionType, topics: string[], declared: boolean) => {
    const sub: SubState = {
      name,
      type,
      topics: new Set(topics),
      declared,
      firstBySent: new Int32Array(sent.length).fill(-1),
      firstOther: new Map(),
      maxSeq: type === 'shared' ? undefined : new Float64Array(groups.count).fill(-Infinity),
      dup: { type, total: 0, explained: 0, unexplained: 0, atNewPosition: 0 },
    };
    subs.set(name, sub);
    return sub;
  };
  for (const s of history.subscriptions) addSub(s.name, s.type, s.topics, true);

  const fenced = fencedByLedger(history.fencedLedgers);
  const explainedBy = faultExplainer(history.faults, faultWindowMs);
  const faultCounts = history.faults.map(() => 0);
  let byRedelivery = 0;
  const lost = new Collector<LostExample>(cap);
  const order = new Collector<OrderViolationExample>(cap);
  const unexplained = new Collector<DuplicateExample>(cap);
  const phantoms = new Collector<PhantomExample>(cap);
  const readPastEnd = new Collector<ReadPastEndExample>(cap);
  const phantomKeys = new Set<string>();
  const judged = new Uint8Array(sent.length); // an unacked sent record seen once is judged once
  let inFlightSeen = 0;
  const latencies = new Float64Array(received.length);
  let latencyCount = 0;
  const strays = new Set<string>();

  for (const r of receptionOrder(received)) {
    const m = received[r]!;
    const g = recvGroup[r]!;
    let sub = subs.get(m.subscription);
    if (!sub) {
      sub = addSub(m.subscription, m.type, [], false);
      warnings.push(`subscription ${m.subscription} was not declared: not checked for losses`);
    }
    if (sub.declared && !sub.topics.has(m.topic)) strays.add(`${m.subscription} ← ${m.topic}`);
    const f = fenced.get(m.id.ledgerId);
    if (f && m.id.entryId > f.lastEntryId)
      readPastEnd.add(() => ({ ...deliveryOf(m), lastEntryId: f.lastEntryId }));

    const si = index.find(g, m.seq);
    let prior: number;
    if (si >= 0) {
      prior = sub.firstBySent[si]!;
      if (prior < 0) sub.firstBySent[si] = r;
    } else {
      const k = `${g}:${m.seq}`;
      prior = sub.firstOther.get(k) ?? -1;
      if (prior < 0) sub.firstOther.set(k, r);
      if (prior < 0 && !phantomKeys.has(k)) {
        phantomKeys.add(k);
        phantoms.add(() => ({ ...deliveryOf(m), reason: 'never-sent' }));
      }
    }

    if (prior >= 0) {
      // A duplicate: allowed, but say why it may have come.
      const d = sub.dup;
      const firstId = received[prior]!.id;
      d.total++;
      if (!sameId(firstId, m.id)) d.atNewPosition++;
      const fault = m.redeliveryCount > 0 ? -1 : explainedBy(m.receivedAtMs);
      if (m.redeliveryCount > 0) byRedelivery++;
      else if (fault >= 0) faultCounts[fault]!++;
      if (m.redeliveryCount > 0 || fault >= 0) d.explained++;
      else {
        d.unexplained++;
        unexplained.add(() => ({ ...deliveryOf(m), redeliveryCount: m.redeliveryCount, firstId }));
      }
      continue;
    }

    latencies[latencyCount++] = m.receivedAtMs - m.publishTimeMs;
    const s = si >= 0 ? sent[si]! : undefined;
    if (s && s.outcome !== 'acked' && !judged[si]) {
      judged[si] = 1;
      // At-least-once: a send whose answer was lost (crash, retriable error) may still be stored.
      if (strength(s) === 2) inFlightSeen++;
      else {
        const failureCode = s.failure?.code;
        phantoms.add(() => ({ ...deliveryOf(m), reason: 'send-failed', failureCode }));
      }
    }

    if (sub.maxSeq) {
      // First receptions per (topic, producer, key) must rise; redeliveries of older ones may not.
      const top = sub.maxSeq[g]!;
      const type = sub.type;
      if (m.seq < top) order.add(() => ({ ...deliveryOf(m), type, afterSeq: top }));
      else sub.maxSeq[g] = m.seq;
    }
  }
  for (const s of strays) warnings.push(`received from a topic not subscribed to: ${s}`);

  const lostBySubscription: Record<string, number> = {};
  const bySubscription: Record<string, SubscriptionDuplicates> = {};
  for (const sub of subs.values()) {
    bySubscription[sub.name] = sub.dup;
    if (!sub.declared) continue;
    const before = lost.count;
    sent.forEach((s, i) => {
      if (s.outcome !== 'acked' || sub.firstBySent[i]! >= 0 || !index.isCanonical[i]) return;
      if (!sub.topics.has(s.topic)) return;
      lost.add(() => ({ subscription: sub.name, ...refOf(s), ackedAtMs: s.ackedAtMs, id: s.id }));
    });
    lostBySubscription[sub.name] = lost.count - before;
  }

  const outcomes = { acked: 0, failed: 0, 'in-flight': 0 };
  for (const s of sent) outcomes[s.outcome]++;
  const dups = Object.values(bySubscription);
  const sum = (f: (d: SubscriptionDuplicates) => number) => dups.reduce((a, d) => a + f(d), 0);
  const storage = judgeStorage(history, fenced, cap);
  const found = <T>(c: Collector<T>) => ({ count: c.count, examples: c.examples });
  const ok =
    lost.count + order.count + phantoms.count + storage.zombieWrites.count + readPastEnd.count ===
    0;
  return {
    sent: sent.length,
    acked: outcomes.acked,
    failed: outcomes.failed,
    inFlight: outcomes['in-flight'],
    received: received.length,
    lost: { ...found(lost), bySubscription: lostBySubscription },
    orderViolations: found(order),
    duplicates: {
      total: sum((d) => d.total),
      explained: sum((d) => d.explained),
      explainedByRedelivery: byRedelivery,
      explainedByFault: sum((d) => d.explained) - byRedelivery,
      unexplained: sum((d) => d.unexplained),
      atNewPosition: sum((d) => d.atNewPosition),
      bySubscription,
      byFault: history.faults.map((f, i) => ({ ...f, duplicates: faultCounts[i]! })),
      unexplainedExamples: unexplained.examples,
    },
    phantoms: found(phantoms),
    inFlightSeen,
    zombieWrites: storage.zombieWrites,
    unconfirmedLeftovers: storage.unconfirmedLeftovers,
    readPastEnd: found(readPastEnd),
    endToEndLatencyMs: percentiles(latencies.subarray(0, latencyCount)),
    warnings,
    ok,
  };
}

/**
 * Indices of `received` by receivedAtMs, array order breaking ties: consumers may be recorded in
 * separate buffers, but within one consumer the array order is the true order within a millisecond.
 */
function receptionOrder(received: ReceivedMessage[]): number[] {
  const at = Float64Array.from(received, (m) => m.receivedAtMs);
  // Array sort is stable (ties keep array order) and merges runs already in order in linear time.
  return received.map((_, i) => i).sort((a, b) => at[a]! - at[b]!);
}

/** A ledger recovered twice keeps its first fence: the old writer was cut off from then on. */
function fencedByLedger(list: FencedLedger[]): Map<number, FencedLedger> {
  const byId = new Map<number, FencedLedger>();
  for (const f of list) {
    const prev = byId.get(f.ledgerId);
    if (!prev || f.fencedAtMs < prev.fencedAtMs) byId.set(f.ledgerId, f);
  }
  return byId;
}

/**
 * Returns, for a time, the index of the latest-started fault whose window [start, end + window]
 * holds it, or -1. Faults sorted by start with a running max of window ends make a miss O(log F).
 */
function faultExplainer(faults: FaultEvent[], windowMs: number): (t: number) => number {
  const idx = faults.map((_, i) => i).sort((a, b) => faults[a]!.startMs - faults[b]!.startMs);
  const starts = idx.map((i) => faults[i]!.startMs);
  const reach: number[] = [];
  for (const i of idx) reach.push(Math.max(reach.at(-1) ?? -Infinity, faults[i]!.endMs + windowMs));
  return (t) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && reach[j]! >= t; j--)
      if (faults[idx[j]!]!.endMs + windowMs >= t) return idx[j]!;
    return -1;
  };
}

/** Stored entries past a fenced end: written after the fence (zombie) or before it (leftover). */
function judgeStorage(history: RunHistory, fenced: Map<number, FencedLedger>, cap: number) {
  const zombies = new Map<string, ZombieWriteExample>();
  const leftovers = new Set<string>();
  for (const e of history.storedEntries) {
    const f = fenced.get(e.ledgerId);
    if (!f || e.entryId <= f.lastEntryId) continue;
    const k = `${e.ledgerId}:${e.entryId}`;
    if (e.publishTimeMs <= f.fencedAtMs) {
      leftovers.add(k);
      continue;
    }
    const z = zombies.get(k);
    if (z) z.nodeIds.push(e.nodeId);
    else {
      const { ledgerId, entryId, nodeId, publishTimeMs } = e;
      const { fencedAtMs, lastEntryId } = f;
      zombies.set(k, {
        ledgerId,
        entryId,
        nodeIds: [nodeId],
        publishTimeMs,
        fencedAtMs,
        lastEntryId,
      });
    }
  }
  return {
    zombieWrites: { count: zombies.size, examples: [...zombies.values()].slice(0, cap) },
    unconfirmedLeftovers: leftovers.size,
  };
}

/** Nearest-rank percentiles. */
function percentiles(values: Float64Array) {
  values.sort();
  const at = (p: number) => values[Math.max(0, Math.ceil(p * values.length) - 1)] ?? 0;
  return { count: values.length, p50: at(0.5), p99: at(0.99), p999: at(0.999), max: at(1) };
}
