import { expect, it } from 'vitest';
import { EntryCache, EntryCacheBudget } from '../../gateway/managed-ledger/entry-cache.js';

const bytes = (n: number, fill: number) => Buffer.alloc(n, fill);

it('evicts its own oldest entries once the shared budget is spent, and frees its share on clear', () => {
  const budget = new EntryCacheBudget(1_000);
  const a = new EntryCache(budget);
  const b = new EntryCache(budget);
  for (let i = 0; i < 4; i++) a.put(1, i, bytes(100, i));
  b.put(7, 0, bytes(250, 9));
  expect(budget.usedBytes).toBe(650);

  // 400 more bytes overshoot by 50: a gives up its oldest entry; b keeps what it has.
  for (let i = 4; i < 8; i++) a.put(1, i, bytes(100, i));
  expect(budget.usedBytes).toBe(950);
  expect(a.get(1, 0)).toBeUndefined();
  expect(a.get(1, 1)).toEqual(bytes(100, 1));
  expect(a.get(1, 7)).toEqual(bytes(100, 7));
  expect(b.get(7, 0)).toEqual(bytes(250, 9));

  // Entries of the next ledger follow on (evicting the next oldest); the same entry twice counts once.
  a.put(2, 0, bytes(100, 1));
  a.put(2, 0, bytes(100, 1));
  expect(a.get(1, 1)).toBeUndefined();
  expect(a.sizeBytes).toBe(700);
  expect(budget.usedBytes).toBe(950);
  expect(a.get(2, 0)).toEqual(bytes(100, 1));

  a.clear();
  expect(budget.usedBytes).toBe(250);
  expect(a.get(1, 7)).toBeUndefined();
});

it('does not cache an entry bigger than a quarter of the budget', () => {
  const budget = new EntryCacheBudget(1_000);
  const cache = new EntryCache(budget);
  cache.put(1, 0, bytes(251, 0));
  expect(cache.get(1, 0)).toBeUndefined();
  expect(budget.usedBytes).toBe(0);
});

it('keeps working across many evictions (the eviction queue compacts)', () => {
  const budget = new EntryCacheBudget(10_000);
  const cache = new EntryCache(budget);
  for (let i = 0; i < 20_000; i++) cache.put(1, i, bytes(100, i % 256));
  expect(budget.usedBytes).toBe(10_000);
  expect(cache.get(1, 19_899)).toBeUndefined();
  for (let i = 19_900; i < 20_000; i++) expect(cache.get(1, i)).toEqual(bytes(100, i % 256));
});

it('drops the entries before a position, across ledgers, and nothing after it', () => {
  const budget = new EntryCacheBudget(10_000);
  const cache = new EntryCache(budget);
  for (let i = 0; i < 5; i++) cache.put(3, i, bytes(10, i));
  for (let i = 0; i < 5; i++) cache.put(4, i, bytes(10, 10 + i));
  cache.evictBefore({ ledgerId: 3, entryId: 2 });
  expect(cache.get(3, 1)).toBeUndefined();
  expect(cache.get(3, 2)).toEqual(bytes(10, 2));
  expect(budget.usedBytes).toBe(80);
  cache.evictBefore({ ledgerId: 4, entryId: 1 });
  expect(cache.get(3, 4)).toBeUndefined();
  expect(cache.get(4, 0)).toBeUndefined();
  expect(cache.get(4, 1)).toEqual(bytes(10, 11));
  expect(cache.sizeBytes).toBe(40);
  cache.evictBefore({ ledgerId: 1, entryId: 0 });
  expect(cache.sizeBytes).toBe(40);
  cache.evictBefore({ ledgerId: 9, entryId: 0 });
  expect(cache.sizeBytes).toBe(0);
  expect(budget.usedBytes).toBe(0);
});
