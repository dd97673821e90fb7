import { describe, expect, it } from 'vitest';
import { RangeSet } from '../../gateway/cursor/range-set.js';

/** The simple model the range set must agree with. */
function ranges(values: Iterable<number>): Array<[number, number]> {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === v - 1) last[1] = v;
    else out.push([v, v]);
  }
  return out;
}

describe('RangeSet', () => {
  it('merges adjacent and overlapping ranges in any order', () => {
    const set = new RangeSet();
    set.add(5);
    set.add(7);
    expect([...set.entries()]).toEqual([
      [5, 5],
      [7, 7],
    ]);
    set.add(6);
    expect([...set.entries()]).toEqual([[5, 7]]);
    set.addRange(1, 3);
    set.addRange(10, 12);
    set.addRange(2, 11);
    expect([...set.entries()]).toEqual([[1, 12]]);
    expect(set.has(0)).toBe(false);
    expect(set.has(12)).toBe(true);
    expect(set.rangeEndAt(4)).toBe(12);
    set.removeThrough(6);
    expect([...set.entries()]).toEqual([[7, 12]]);
  });

  it('agrees with a plain model on random operations', () => {
    for (let round = 0; round < 50; round++) {
      const set = new RangeSet();
      const model = new Set<number>();
      for (let i = 0; i < 300; i++) {
        const start = Math.floor(Math.random() * 200);
        const end = start + Math.floor(Math.random() * 4);
        set.addRange(start, end);
        for (let v = start; v <= end; v++) model.add(v);
      }
      expect([...set.entries()]).toEqual(ranges(model));
      for (let v = 0; v < 210; v++) expect(set.has(v)).toBe(model.has(v));
    }
  });

  it('takes 100,000 scattered acks quickly (every other one, then the rest)', () => {
    const set = new RangeSet();
    for (let i = 0; i < 100_000; i += 2) set.add(i);
    expect(set.rangeCount).toBe(50_000);
    for (let i = 1; i < 100_000; i += 2) set.add(i);
    expect([...set.entries()]).toEqual([[0, 99_999]]);
  });
});
