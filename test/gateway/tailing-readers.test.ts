import { expect, it } from 'vitest';
import { EntryCache, EntryCacheBudget } from '../../gateway/managed-ledger/entry-cache.js';
import type { Position } from '../../gateway/managed-ledger/position.js';
import {
  CACHING_READER_MAX_LAG,
  TailingReaders,
} from '../../gateway/managed-ledger/tailing-readers.js';

/** One ledger (7) whose last entry is `last`: a reader at entry e is last + 1 - e behind. */
function topic(last: number) {
  const budget = new EntryCacheBudget(1_000_000);
  const cache = new EntryCache(budget);
  const state = { last };
  const readers = new TailingReaders(cache, (p: Position) =>
    Math.max(0, state.last + 1 - p.entryId),
  );
  const append = (n: number) => {
    for (let i = 0; i < n; i++) {
      state.last++;
      readers.cacheAppended(7, state.last, Buffer.alloc(10, state.last % 256));
    }
  };
  return { cache, budget, readers, append, at: (entryId: number) => ({ ledgerId: 7, entryId }) };
}

it('caches while a reader is close to the end, and drops what the slowest close reader has read', () => {
  const t = topic(99);
  expect(t.readers.wantsNewEntries()).toBe(false);
  const a = t.readers.add(t.at(100));
  const b = t.readers.add(t.at(100));
  t.append(10); // entries 100..109
  expect(t.cache.sizeBytes).toBe(100);
  a.moveTo(t.at(108));
  expect(t.cache.sizeBytes).toBe(100);
  b.moveTo(t.at(105));
  expect(t.cache.get(7, 104)).toBeUndefined();
  expect(t.cache.get(7, 105)).toBeDefined();
  b.close();
  expect(t.cache.get(7, 107)).toBeUndefined();
  expect(t.cache.sizeBytes).toBe(20);
  a.close();
  expect(t.budget.usedBytes).toBe(0);
});

it('a reader further behind than the threshold neither causes caching nor keeps entries', () => {
  const t = topic(5_000);
  const backlogged = t.readers.add(t.at(0));
  t.append(5);
  expect(t.cache.sizeBytes).toBe(0);

  // A close reader joins: new entries are kept for it alone, and go once it has read them.
  const close = t.readers.add(t.at(5_006));
  t.append(3);
  expect(t.cache.sizeBytes).toBe(30);
  close.moveTo(t.at(5_009));
  expect(t.cache.sizeBytes).toBe(0);

  // The backlogged reader catches up to within the threshold: it counts again.
  close.close();
  backlogged.moveTo(t.at(5_008 - CACHING_READER_MAX_LAG + 3));
  t.append(2);
  expect(t.cache.sizeBytes).toBe(20);
  // ...and falls behind by more than the threshold: nothing is kept for it.
  t.append(CACHING_READER_MAX_LAG);
  backlogged.moveTo(t.at(5_008 - CACHING_READER_MAX_LAG + 4));
  expect(t.cache.sizeBytes).toBe(0);
  expect(t.readers.wantsNewEntries()).toBe(false);
});
