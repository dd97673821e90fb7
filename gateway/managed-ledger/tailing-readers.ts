import type { EntryCache } from './entry-cache.js';
import type { ActiveReader } from './managed-ledger.js';
import { comparePositions, type Position } from './position.js';

/**
 * A reader further behind than this many entries is reading a backlog: it reads from storage and
 * neither causes new entries to be cached nor keeps cached ones (Pulsar's
 * managedLedgerCursorBackloggedThreshold). A stalled consumer thus holds at most this many entries
 * of its topic in memory, not the whole gateway's budget.
 */
export const CACHING_READER_MAX_LAG = 1_000;

interface Reader {
  position: Position;
}

/**
 * The readers that tail one topic (subscriptions with consumers) and the cache policy they imply,
 * as Pulsar's active cursors: an appended entry is cached while a reader is close enough to read
 * it from memory, and leaves once every such reader has read past it.
 */
export class TailingReaders {
  private readonly readers = new Set<Reader>();

  constructor(
    private readonly cache: EntryCache | undefined,
    /** Entries from `position` to the end of the topic. */
    private readonly entriesBehind: (position: Position) => number,
  ) {}

  /**
   * Caches an entry just confirmed if a reader is close enough to read it from memory. Whether a
   * reader happens to be waiting at this moment does not matter: one busy sending the previous entry
   * reads this one next, and a miss costs a storage read behind synced writes. A topic nobody reads
   * keeps nothing: it would hold memory, and the GC's time, for nothing.
   */
  cacheAppended(ledgerId: number, entryId: number, payload: Buffer): void {
    if (this.wantsNewEntries()) this.cache?.put(ledgerId, entryId, payload);
  }

  /** Whether an entry appended now is worth caching. */
  wantsNewEntries(): boolean {
    if (!this.cache) return false;
    for (const reader of this.readers) {
      if (this.entriesBehind(reader.position) <= CACHING_READER_MAX_LAG) return true;
    }
    return false;
  }

  add(position: Position): ActiveReader {
    const reader = { position };
    this.readers.add(reader);
    return {
      moveTo: (next) => {
        reader.position = next;
        this.evictRead();
      },
      close: () => {
        if (this.readers.delete(reader)) this.evictRead();
      },
    };
  }

  /** Drops what the slowest close reader has read; everything when no reader is close. */
  private evictRead(): void {
    if (!this.cache) return;
    let slowest: Position | undefined;
    for (const { position } of this.readers) {
      if (this.entriesBehind(position) > CACHING_READER_MAX_LAG) continue;
      if (!slowest || comparePositions(position, slowest) < 0) slowest = position;
    }
    if (slowest) this.cache.evictBefore(slowest);
    else this.cache.clear();
  }
}
