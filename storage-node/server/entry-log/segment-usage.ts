import { segmentOf } from './log-frame.js';

/**
 * Which ledgers have records in each segment, and how many bytes of them: BookKeeper's
 * EntryLogMetadata. Kept in memory only. The index knows every live record's place, so the node
 * counts them again from it at start; a persisted copy could disagree with the index after a
 * crash, and a count that is too high keeps a segment forever.
 */
export class SegmentUsage {
  private readonly segments = new Map<number, Map<number, number>>();

  add(ledgerId: number, at: { position: number; length: number }): void {
    const segment = segmentOf(at.position);
    let ledgers = this.segments.get(segment);
    if (!ledgers) this.segments.set(segment, (ledgers = new Map()));
    ledgers.set(ledgerId, (ledgers.get(ledgerId) ?? 0) + at.length);
  }

  /** A record no index entry points to any more (replaced, or its ledger deleted). */
  remove(ledgerId: number, at: { position: number; length: number }): void {
    const segment = segmentOf(at.position);
    const ledgers = this.segments.get(segment);
    const bytes = ledgers?.get(ledgerId);
    if (!ledgers || bytes === undefined) return;
    if (bytes > at.length) ledgers.set(ledgerId, bytes - at.length);
    else ledgers.delete(ledgerId);
    if (ledgers.size === 0) this.segments.delete(segment);
  }

  /** Whether any ledger still has records in the segment. */
  holds(segment: number): boolean {
    return this.segments.has(segment);
  }

  /** The live bytes of each ledger in the segment (a test's and an operator's view). */
  ledgersIn(segment: number): ReadonlyMap<number, number> {
    return this.segments.get(segment) ?? new Map();
  }
}
