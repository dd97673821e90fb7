import { comparePositions, type Position } from './position.js';

/** Pulsar gives its cache a fifth of the broker's direct memory; this is a small broker's share. */
export const DEFAULT_ENTRY_CACHE_BYTES = 128 * 1024 * 1024;

/**
 * The bytes all of a gateway's entry caches may hold together (Pulsar's managedLedgerCacheSizeMB).
 * One object per gateway, shared by its topics.
 */
export class EntryCacheBudget {
  usedBytes = 0;

  constructor(readonly maxBytes: number) {}
}

interface CachedEntry {
  ledgerId: number;
  entryId: number;
  payload: Buffer;
}

/**
 * A topic's most recently appended entries, as Pulsar's managed ledger keeps them: consumers that
 * keep up are served from memory instead of reading back from the storage nodes what was just
 * written there. Only confirmed entries go in, exactly as stored; a miss simply reads from storage.
 *
 * Entries leave once every tailing reader has read them (evictBefore), or, oldest first, once the
 * gateway-wide budget is spent. A topic evicts only its own entries under the budget; one nobody
 * tails holds nothing.
 */
export class EntryCache {
  private readonly byLedger = new Map<number, Map<number, Buffer>>();
  /** In append order: eviction takes from the front. */
  private readonly order: CachedEntry[] = [];
  private head = 0;
  private bytes = 0;

  constructor(private readonly budget: EntryCacheBudget) {}

  get sizeBytes(): number {
    return this.bytes;
  }

  put(ledgerId: number, entryId: number, payload: Buffer): void {
    // An entry bigger than a quarter of the budget would flush everything for one read.
    if (payload.byteLength > this.budget.maxBytes / 4) return;
    let entries = this.byLedger.get(ledgerId);
    if (!entries) this.byLedger.set(ledgerId, (entries = new Map()));
    if (entries.has(entryId)) return;
    payload = ownBytes(payload);
    entries.set(entryId, payload);
    this.order.push({ ledgerId, entryId, payload });
    this.bytes += payload.byteLength;
    this.budget.usedBytes += payload.byteLength;
    while (this.budget.usedBytes > this.budget.maxBytes && this.head < this.order.length) {
      this.evictOldest();
    }
  }

  get(ledgerId: number, entryId: number): Buffer | undefined {
    return this.byLedger.get(ledgerId)?.get(entryId);
  }

  /** Drops the entries before `position`: every reader that tails the topic has read them. */
  evictBefore(position: Position): void {
    while (this.head < this.order.length) {
      const oldest = this.order[this.head] as CachedEntry;
      if (comparePositions(oldest, position) >= 0) return;
      this.evictOldest();
    }
  }

  /** Frees everything (the topic is closing, or nobody tails it). */
  clear(): void {
    this.budget.usedBytes -= this.bytes;
    this.bytes = 0;
    this.byLedger.clear();
    this.order.length = 0;
    this.head = 0;
  }

  private evictOldest(): void {
    const oldest = this.order[this.head++] as CachedEntry;
    const entries = this.byLedger.get(oldest.ledgerId);
    entries?.delete(oldest.entryId);
    if (entries?.size === 0) this.byLedger.delete(oldest.ledgerId);
    this.bytes -= oldest.payload.byteLength;
    this.budget.usedBytes -= oldest.payload.byteLength;
    // Compact now and then rather than shifting the array on every eviction.
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }
}

/**
 * Node hands out small buffers as slices of shared 8 KB slabs: a cached 1 KB slice would keep the
 * whole slab alive, eight times what the budget counts. Those are copied to memory of their own.
 */
function ownBytes(payload: Buffer): Buffer {
  if (payload.byteOffset === 0 && payload.byteLength === payload.buffer.byteLength) return payload;
  const own = Buffer.allocUnsafeSlow(payload.byteLength);
  payload.copy(own);
  return own;
}
