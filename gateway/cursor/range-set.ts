import { BTree } from '../../services/common/btree.js';

/**
 * A set of non-negative integers stored as disjoint, non-adjacent ranges in a B+ tree (start →
 * end, inclusive), so that 100,000 scattered acknowledgements cost 50,000 small nodes and each
 * add is O(log n), whatever the order they arrive in.
 */
export class RangeSet {
  private readonly ranges = new BTree<number, number>();

  get rangeCount(): number {
    return this.ranges.size;
  }

  /** How many integers the set holds. */
  get size(): number {
    let size = 0;
    for (const [start, end] of this.ranges.entries()) size += end - start + 1;
    return size;
  }

  get isEmpty(): boolean {
    return this.ranges.size === 0;
  }

  has(value: number): boolean {
    const range = this.ranges.getPairOrNextLower(value);
    return range !== undefined && range[1] >= value;
  }

  /** Adds [start, end]; merges with overlapping and adjacent ranges. */
  addRange(start: number, end: number): void {
    if (end < start) return;
    let from = start;
    let to = end;
    const left = this.ranges.getPairOrNextLower(start);
    if (left && left[1] >= start - 1) {
      from = left[0];
      to = Math.max(to, left[1]);
    }
    // Swallow every range that starts inside (or right after) the new one.
    for (;;) {
      const next = this.ranges.getPairOrNextHigher(from + (from === left?.[0] ? 1 : 0));
      if (!next || next[0] > to + 1) break;
      to = Math.max(to, next[1]);
      this.ranges.delete(next[0]);
    }
    this.ranges.set(from, to);
  }

  add(value: number): void {
    this.addRange(value, value);
  }

  /** The end of the range holding `value`, or undefined when `value` is not in the set. */
  rangeEndAt(value: number): number | undefined {
    const range = this.ranges.getPairOrNextLower(value);
    return range && range[1] >= value ? range[1] : undefined;
  }

  /** Drops everything at or below `value`. */
  removeThrough(value: number): void {
    for (;;) {
      const first = this.ranges.minKey();
      if (first === undefined || first > value) return;
      const end = this.ranges.get(first) as number;
      this.ranges.delete(first);
      if (end > value) {
        this.ranges.set(value + 1, end);
        return;
      }
    }
  }

  *entries(): IterableIterator<[number, number]> {
    yield* this.ranges.entries();
  }
}
