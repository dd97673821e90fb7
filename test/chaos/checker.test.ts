import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../deploy/chaos/checker.js';
import { formatReport } from '../../deploy/chaos/format-report.js';
import type {
  ReceivedMessage,
  RunHistory,
  SentMessage,
  SubscriptionInfo,
} from '../../deploy/chaos/history.js';

// The checker is pure: each test builds a history by hand (a clean run, then one fault planted in
// it) and checks that the report names exactly what was planted.

const TOPICS = [0, 1, 2].map((p) => `persistent://public/default/orders-partition-${p}`);
const PRODUCERS = ['p-a', 'p-b'];
const KEYS = ['k0', 'k1', 'k2', 'k3'];
const ROUNDS = 10;
const T0 = 1_000_000;
const FAULT = { kind: 'kill', target: 'gateway-1', startMs: T0 + 10_000, endMs: T0 + 12_000 };
const FENCED_LEDGER = 100; // topic 0's ledger
const SUBS: SubscriptionInfo[] = [
  { name: 'sub-shared', type: 'shared', topics: TOPICS },
  { name: 'sub-ks', type: 'key_shared', topics: TOPICS },
  { name: 'sub-fo', type: 'failover', topics: TOPICS },
];

/** Every acked message received once by each subscription, plus three explained duplicates. */
function cleanHistory(): RunHistory {
  const sent: SentMessage[] = [];
  const nextSeq = new Map<string, number>();
  const nextEntry = TOPICS.map(() => 0);
  let t = T0;
  for (let round = 0; round < ROUNDS; round++)
    TOPICS.forEach((topic, partition) => {
      for (const producer of PRODUCERS)
        for (const key of KEYS) {
          const seq = nextSeq.get(topic + producer) ?? 0;
          nextSeq.set(topic + producer, seq + 1);
          const id = { ledgerId: 100 + partition, entryId: nextEntry[partition]!++, batchIndex: 0 };
          sent.push({ producer, topic, key, seq, sentAtMs: t, outcome: 'acked', ackedAtMs: t + 2 });
          sent.at(-1)!.id = { ...id, partition };
          t++;
        }
    });
  const received: ReceivedMessage[] = [];
  SUBS.forEach((sub, i) => {
    for (const s of sent) received.push(receipt(sub, s, s.sentAtMs + 4 + i));
  });
  // One redelivery (nack) before any fault; two duplicates after the fault with no redelivery
  // count (a cursor whose last acks were not persisted when its gateway died).
  received.push({ ...receipt(SUBS[0]!, sent[7]!, T0 + 300), redeliveryCount: 1 });
  received.push(receipt(SUBS[1]!, sent[20]!, FAULT.endMs + 1_000));
  received.push(receipt(SUBS[2]!, sent[21]!, FAULT.endMs + 29_000));
  const storedEntries = sent.flatMap((s) =>
    ['bk-1', 'bk-2'].map((nodeId) => ({
      ledgerId: s.id!.ledgerId,
      entryId: s.id!.entryId,
      nodeId,
      publishTimeMs: s.sentAtMs + 1,
    })),
  );
  return {
    sent,
    received,
    subscriptions: SUBS,
    faults: [FAULT],
    fencedLedgers: [
      { ledgerId: FENCED_LEDGER, lastEntryId: nextEntry[0]! - 1, fencedAtMs: FAULT.startMs + 500 },
    ],
    storedEntries,
  };
}

function receipt(sub: SubscriptionInfo, s: SentMessage, receivedAtMs: number): ReceivedMessage {
  const consumer =
    sub.type === 'key_shared' ? `c-${s.key}` : sub.type === 'shared' ? `c-${s.seq % 2}` : 'c-0';
  return {
    subscription: sub.name,
    type: sub.type,
    consumer,
    topic: s.topic,
    producer: s.producer,
    key: s.key,
    seq: s.seq,
    receivedAtMs,
    publishTimeMs: s.sentAtMs + 1,
    redeliveryCount: 0,
    id: s.id ?? { ledgerId: 999, entryId: 0, batchIndex: 0, partition: 0 },
  };
}

const lastEntryOf = (h: RunHistory) => h.fencedLedgers[0]!.lastEntryId;
const sameMessage = (r: ReceivedMessage, s: SentMessage) =>
  r.topic === s.topic && r.producer === s.producer && r.key === s.key && r.seq === s.seq;

describe('checkHistory', () => {
  it('passes a clean run and counts its explained duplicates', () => {
    const h = cleanHistory();
    const report = checkHistory(h);
    expect(report.ok).toBe(true);
    expect(report.sent).toBe(ROUNDS * TOPICS.length * PRODUCERS.length * KEYS.length);
    expect(report.acked).toBe(report.sent);
    expect(report.received).toBe(report.sent * 3 + 3);
    for (const found of [report.lost, report.orderViolations, report.phantoms])
      expect(found).toMatchObject({ count: 0, examples: [] });
    expect(report.zombieWrites.count).toBe(0);
    expect(report.readPastEnd.count).toBe(0);
    expect(report.unconfirmedLeftovers).toBe(0);
    expect(report.inFlightSeen).toBe(0);
    expect(report.duplicates).toMatchObject({
      total: 3,
      explained: 3,
      explainedByRedelivery: 1,
      explainedByFault: 2,
      unexplained: 0,
      atNewPosition: 0,
    });
    expect(report.duplicates.bySubscription['sub-shared']).toMatchObject({
      total: 1,
      explained: 1,
    });
    expect(report.duplicates.bySubscription['sub-ks']).toMatchObject({ total: 1, explained: 1 });
    expect(report.duplicates.bySubscription['sub-fo']).toMatchObject({ total: 1, explained: 1 });
    expect(report.duplicates.byFault[0]!.duplicates).toBe(2);
    expect(report.endToEndLatencyMs).toMatchObject({ count: report.sent * 3, p50: 4, max: 5 });
    expect(report.warnings).toEqual([]);
    expect(formatReport(report)).toContain('chaos check: OK');
  });

  it('names one lost message, one reordered key and one zombie write', () => {
    const h = cleanHistory();
    // Lost: sub-fo never receives sent[50].
    const lostMsg = h.sent[50]!;
    h.received = h.received.filter(
      (r) => !(r.subscription === 'sub-fo' && sameMessage(r, lostMsg)),
    );
    // Reordered: in sub-ks, two messages of one (producer, key) arrive swapped.
    const early = h.sent[9]!;
    const late = h.sent.find((s, i) => i > 9 && groupOf(s) === groupOf(early))!;
    const rEarly = h.received.find((r) => r.subscription === 'sub-ks' && sameMessage(r, early))!;
    const rLate = h.received.find((r) => r.subscription === 'sub-ks' && sameMessage(r, late))!;
    [rEarly.receivedAtMs, rLate.receivedAtMs] = [rLate.receivedAtMs, rEarly.receivedAtMs];
    // Zombie: the old owner appended past the closed end after the fence.
    const fence = h.fencedLedgers[0]!;
    const zombieEntry = fence.lastEntryId + 1;
    h.storedEntries.push({
      ledgerId: FENCED_LEDGER,
      entryId: zombieEntry,
      nodeId: 'bk-2',
      publishTimeMs: fence.fencedAtMs + 5,
    });

    const report = checkHistory(h);
    expect(report.ok).toBe(false);
    expect(report.lost.count).toBe(1);
    expect(report.lost.bySubscription).toEqual({ 'sub-shared': 0, 'sub-ks': 0, 'sub-fo': 1 });
    expect(report.lost.examples[0]).toMatchObject({
      subscription: 'sub-fo',
      producer: lostMsg.producer,
      key: lostMsg.key,
      seq: lostMsg.seq,
      topic: lostMsg.topic,
    });
    expect(report.orderViolations.count).toBe(1);
    expect(report.orderViolations.examples[0]).toMatchObject({
      subscription: 'sub-ks',
      type: 'key_shared',
      producer: early.producer,
      key: early.key,
      seq: early.seq,
      afterSeq: late.seq,
    });
    expect(report.zombieWrites.count).toBe(1);
    expect(report.zombieWrites.examples[0]).toMatchObject({
      ledgerId: FENCED_LEDGER,
      entryId: zombieEntry,
      nodeIds: ['bk-2'],
    });
    expect(report.phantoms.count).toBe(0);
    expect(report.readPastEnd.count).toBe(0);
    expect(report.unconfirmedLeftovers).toBe(0);

    const text = formatReport(report);
    expect(text).toContain('chaos check: FAILED');
    expect(text).toContain(`[sub-fo] ${lostMsg.topic} producer=${lostMsg.producer}`);
    expect(text).toContain(`seq=${early.seq} first received after seq ${late.seq}`);
    expect(text).toContain(`ledger ${FENCED_LEDGER} entry ${zombieEntry}`);
  });

  it('flags a message received but never sent as a phantom', () => {
    const h = cleanHistory();
    const ghost = { ...h.sent[0]!, producer: 'p-ghost' };
    h.received.push(receipt(SUBS[1]!, ghost, T0 + 400));
    h.received.push(receipt(SUBS[2]!, ghost, T0 + 401));
    const report = checkHistory(h);
    expect(report.ok).toBe(false);
    expect(report.phantoms.count).toBe(1); // one message, seen by two subscriptions
    expect(report.phantoms.examples[0]).toMatchObject({
      producer: 'p-ghost',
      reason: 'never-sent',
    });
  });

  it('counts a send in flight at a crash (or failed retriably) apart, not as a phantom', () => {
    const h = cleanHistory();
    const base = { topic: TOPICS[0]!, producer: 'p-a', key: 'k0', sentAtMs: T0 + 500 };
    const inFlight: SentMessage = { ...base, seq: 1000, outcome: 'in-flight' };
    const retriable: SentMessage = {
      ...base,
      seq: 1001,
      outcome: 'failed',
      failure: { code: 'UNAVAILABLE', retriable: true },
    };
    h.sent.push(inFlight, retriable);
    for (const sub of SUBS) h.received.push(receipt(sub, inFlight, T0 + 600));
    h.received.push(receipt(SUBS[1]!, retriable, T0 + 601));
    const report = checkHistory(h);
    expect(report.ok).toBe(true);
    expect(report.inFlightSeen).toBe(2);
    expect(report.phantoms.count).toBe(0);
    expect(report.lost.count).toBe(0); // never acked, so never owed
  });

  it('flags a failed, non-retriable send that was received anyway as a phantom', () => {
    const h = cleanHistory();
    const failed: SentMessage = {
      ...{ topic: TOPICS[1]!, producer: 'p-b', key: 'k2', seq: 2000, sentAtMs: T0 + 500 },
      outcome: 'failed',
      failure: { code: 'MESSAGE_TOO_LARGE', retriable: false },
    };
    h.sent.push(failed);
    h.received.push(receipt(SUBS[0]!, failed, T0 + 600));
    const report = checkHistory(h);
    expect(report.ok).toBe(false);
    expect(report.phantoms.count).toBe(1);
    expect(report.phantoms.examples[0]).toMatchObject({
      seq: 2000,
      reason: 'send-failed',
      failureCode: 'MESSAGE_TOO_LARGE',
    });
    expect(report.inFlightSeen).toBe(0);
  });

  it('counts an entry past the fenced end stamped before the fence as a leftover', () => {
    const h = cleanHistory();
    const fence = h.fencedLedgers[0]!;
    for (const nodeId of ['bk-1', 'bk-2'])
      h.storedEntries.push({
        ledgerId: FENCED_LEDGER,
        entryId: fence.lastEntryId + 1,
        nodeId,
        publishTimeMs: fence.fencedAtMs - 10,
      });
    const report = checkHistory(h);
    expect(report.ok).toBe(true);
    expect(report.unconfirmedLeftovers).toBe(1);
    expect(report.zombieWrites.count).toBe(0);
  });

  it('flags a delivery of an entry past its fenced ledger end', () => {
    const h = cleanHistory();
    const leftover: SentMessage = {
      ...{ topic: TOPICS[0]!, producer: 'p-a', key: 'k1', seq: 3000, sentAtMs: T0 + 500 },
      outcome: 'in-flight',
    };
    h.sent.push(leftover);
    const r = receipt(SUBS[1]!, leftover, T0 + 700);
    r.id = { ledgerId: FENCED_LEDGER, entryId: lastEntryOf(h) + 1, batchIndex: 0, partition: 0 };
    h.received.push(r);
    const report = checkHistory(h);
    expect(report.ok).toBe(false);
    expect(report.readPastEnd.count).toBe(1);
    expect(report.readPastEnd.examples[0]).toMatchObject({
      subscription: 'sub-ks',
      seq: 3000,
      id: { ledgerId: FENCED_LEDGER, entryId: lastEntryOf(h) + 1 },
    });
  });

  it('does not check order on shared subscriptions', () => {
    const h = cleanHistory();
    const shared = h.received.filter((r) => r.subscription === 'sub-shared' && r.seq < 20);
    const times = shared.map((r) => r.receivedAtMs).reverse();
    shared.forEach((r, i) => (r.receivedAtMs = times[i]!));
    const report = checkHistory(h);
    expect(report.ok).toBe(true);
    expect(report.orderViolations.count).toBe(0);
  });

  it('judges order by receivedAtMs, not by where the runner appended', () => {
    const h = cleanHistory();
    h.received.reverse();
    expect(checkHistory(h).ok).toBe(true);
  });

  it('allows a redelivery of an older message after newer ones (a duplicate, not disorder)', () => {
    const h = cleanHistory();
    const older = h.sent[0]!;
    h.received.push({ ...receipt(SUBS[1]!, older, T0 + 900), redeliveryCount: 2 });
    const report = checkHistory(h);
    expect(report.ok).toBe(true);
    expect(report.orderViolations.count).toBe(0);
    expect(report.duplicates.bySubscription['sub-ks']).toMatchObject({ total: 2, explained: 2 });
  });

  it('reports unexplained duplicates and twice-stored messages without failing', () => {
    const h = cleanHistory();
    const late = FAULT.endMs + 60_000; // outside the fault's window
    const twice = receipt(SUBS[2]!, h.sent[11]!, late + 1); // topic 1: its ledger was not fenced
    twice.id = { ...twice.id, entryId: 5000 };
    h.received.push(receipt(SUBS[0]!, h.sent[2]!, late), twice);
    const report = checkHistory(h);
    expect(report.ok).toBe(true);
    expect(report.duplicates).toMatchObject({ total: 5, explained: 3, unexplained: 2 });
    expect(report.duplicates.atNewPosition).toBe(1);
    expect(report.duplicates.unexplainedExamples.map((e) => e.seq)).toEqual([
      h.sent[2]!.seq,
      h.sent[11]!.seq,
    ]);
    expect(formatReport(report)).toContain('2 unexplained');
  });

  it('checks 500k sends × 2 subscriptions (performance smoke)', () => {
    const n = 500_000;
    const topics = [0, 1, 2, 3].map((p) => `perf-partition-${p}`);
    const subs: SubscriptionInfo[] = [
      { name: 'ks', type: 'key_shared', topics },
      { name: 'fo', type: 'failover', topics },
    ];
    const sent: SentMessage[] = new Array(n);
    const received: ReceivedMessage[] = new Array(n * 2);
    // Records built as literals, the shape JSON.parse gives: objects built by spreading another
    // object read ~10× slower in V8, which would measure the test data rather than the checker.
    for (let i = 0; i < n; i++) {
      const partition = i % 4;
      const [topic, producer, key, seq] = [topics[partition]!, `p${i % 8}`, `k${i % 100}`, i];
      const id = { ledgerId: partition, entryId: i >> 2, batchIndex: 0, partition };
      sent[i] = { producer, topic, key, seq, sentAtMs: i, outcome: 'acked', ackedAtMs: i + 1, id };
      subs.forEach(({ name: subscription, type }, s) => {
        received[s * n + i] = {
          subscription,
          type,
          consumer: 'c',
          topic,
          producer,
          key,
          seq,
          receivedAtMs: i + 3,
          publishTimeMs: i + 1,
          redeliveryCount: 0,
          id,
        };
      });
    }
    const history: RunHistory = {
      sent,
      received,
      subscriptions: subs,
      faults: [],
      fencedLedgers: [],
      storedEntries: [],
    };
    const started = performance.now();
    const report = checkHistory(history);
    console.log(
      `checked ${n} sent × 2 subscriptions in ${Math.round(performance.now() - started)} ms`,
    );
    expect(report.ok).toBe(true);
    expect(report.received).toBe(n * 2);
    expect(report.duplicates.total).toBe(0);
  });
});

function groupOf(s: SentMessage): string {
  return `${s.topic}|${s.producer}|${s.key}`;
}
