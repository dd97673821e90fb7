import type { MessageRef, SentMessage } from './history.js';

// The checker's indexes: built for millions of records, without a string per record.

/** Counts everything but keeps only the first `cap` examples, built lazily. */
export class Collector<T> {
  count = 0;
  readonly examples: T[] = [];
  constructor(private readonly cap: number) {}
  add(make: () => T): void {
    this.count++;
    if (this.examples.length < this.cap) this.examples.push(make());
  }
}

/** A retried send may be recorded twice; the strongest record decides what may be received. */
export function strength(s: SentMessage): number {
  if (s.outcome === 'acked') return 3;
  return s.outcome === 'in-flight' || s.failure?.retriable ? 2 : 1;
}

/** Numbers each distinct (topic, producer, key) densely from 0: the unit of per-key order. */
export class Groups {
  private readonly byTopic = new Map<string, Map<string, Map<string, number>>>();
  count = 0;
  id(m: MessageRef): number {
    let producers = this.byTopic.get(m.topic);
    if (!producers) this.byTopic.set(m.topic, (producers = new Map()));
    let keys = producers.get(m.producer);
    if (!keys) producers.set(m.producer, (keys = new Map()));
    let id = keys.get(m.key);
    if (id === undefined) keys.set(m.key, (id = this.count++));
    return id;
  }
}

/**
 * Finds a sent record by (group, seq): records bucketed by group (a counting sort, O(n)), each bucket
 * in seq order, then bisection. A producer records its sends in seq order, so buckets rarely need
 * a real sort; a comparator sort over the whole list took seconds. Repeated records of one message
 * (a retry recorded twice) resolve to the strongest.
 */
export class SentIndex {
  /** Bucket g holds positions start[g] .. start[g + 1] - 1. */
  private readonly start: Int32Array;
  private readonly seqs: Float64Array;
  /** Per position: the sent index that stands for its (group, seq). */
  private readonly canon: Int32Array;
  readonly isCanonical: Uint8Array;
  repeats = 0;

  constructor(sent: SentMessage[], sentGroup: Int32Array, groupCount: number) {
    const n = sent.length;
    // Read each record once, in array order: scattered reads of big objects are the slow part.
    const sentSeq = new Float64Array(n);
    for (let i = 0; i < n; i++) sentSeq[i] = sent[i]!.seq;
    const start = (this.start = new Int32Array(groupCount + 1));
    for (let i = 0; i < n; i++) start[sentGroup[i]! + 1]!++;
    for (let g = 0; g < groupCount; g++) start[g + 1]! += start[g]!;
    const next = start.slice(0, groupCount);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[next[sentGroup[i]!]!++] = i;
    for (let g = 0; g < groupCount; g++) {
      const [from, to] = [start[g]!, start[g + 1]!];
      let p = from + 1;
      while (p < to && sentSeq[order[p - 1]!]! <= sentSeq[order[p]!]!) p++;
      if (p < to) order.subarray(from, to).sort((x, y) => sentSeq[x]! - sentSeq[y]! || x - y);
    }
    const seqs = (this.seqs = new Float64Array(n));
    for (let p = 0; p < n; p++) seqs[p] = sentSeq[order[p]!]!;
    this.canon = new Int32Array(n);
    this.isCanonical = new Uint8Array(n);
    for (let g = 0; g < groupCount; g++)
      for (let first = start[g]!, end = first; first < start[g + 1]!; first = end) {
        let best = order[first]!;
        for (end = first + 1; end < start[g + 1]! && seqs[end] === seqs[first]; end++)
          if (strength(sent[order[end]!]!) > strength(sent[best]!)) best = order[end]!;
        this.canon.fill(best, first, end);
        this.isCanonical[best] = 1;
        this.repeats += end - first - 1;
      }
  }

  /** The sent index of (group, seq), or -1. */
  find(group: number, seq: number): number {
    let lo = this.start[group] ?? 0;
    const end = this.start[group + 1] ?? 0;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo < end && this.seqs[lo] === seq ? this.canon[lo]! : -1;
  }
}
