import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type {
  CursorInfo,
  CursorInfo__Output,
} from '../../proto/generated/strata/gateway/v1/CursorInfo.js';
import { loadMessageCodec } from '../../proto/load.js';
import { comparePositions, type Position } from '../managed-ledger/position.js';
import { RangeSet } from './range-set.js';
import { readVarints, VarintWriter } from './varint.js';

const codec = loadMessageCodec<CursorInfo, CursorInfo__Output>(
  'strata/gateway/v1/topic_state.proto',
  'strata.gateway.v1.CursorInfo',
);

/** Above this size the stored cursor is deflated: very scattered acks compress well. */
const DEFLATE_ABOVE = 256 * 1024;

/** What the cursor needs to know of its topic to move the mark-delete position across ledgers. */
export interface LedgerBounds {
  closedLedgerLastEntry(ledgerId: number): number | undefined;
  /** False for a ledger the topic no longer lists (an empty one dropped on reopen). */
  ledgerExists(ledgerId: number): boolean;
  ledgerAfter(ledgerId: number): number | undefined;
}

interface PartialBatch {
  position: Position;
  size: number;
  acked: Uint8Array;
}

const keyOf = (p: Position) => `${p.ledgerId}:${p.entryId}`;

/**
 * A subscription's acknowledgements: everything up to the mark-delete position, plus the ranges
 * acknowledged individually above it, plus batches of which only some messages are acknowledged.
 */
export class CursorState {
  private readonly acked = new Map<number, RangeSet>();
  private readonly partial = new Map<string, PartialBatch>();

  constructor(public markDelete: Position) {}

  isAcked(position: Position, batchIndex?: number): boolean {
    if (comparePositions(position, this.markDelete) <= 0) return true;
    if (this.acked.get(position.ledgerId)?.has(position.entryId)) return true;
    if (batchIndex === undefined) return false;
    const partial = this.partial.get(keyOf(position));
    return (
      partial !== undefined &&
      ((partial.acked[batchIndex >> 3] ?? 0) & (1 << (batchIndex & 7))) !== 0
    );
  }

  /**
   * Acknowledges an entry, or some messages of a batch entry (`batch`: their indexes and the
   * batch's size). Returns whether anything changed. The mark-delete position then moves as far as
   * the acknowledgements allow.
   */
  ack(
    position: Position,
    bounds: LedgerBounds,
    batch?: { indexes: readonly number[]; size: number },
  ): boolean {
    if (this.isAcked(position)) return false;
    if (batch && batch.size > 1) {
      // The gateway checks indexes against the batch first; nothing outside it may leave a mark.
      if (!batch.indexes.some((index) => index >= 0 && index < batch.size)) return false;
      const key = keyOf(position);
      let partial = this.partial.get(key);
      if (!partial) {
        partial = { position, size: batch.size, acked: new Uint8Array(Math.ceil(batch.size / 8)) };
        this.partial.set(key, partial);
      }
      let changed = false;
      for (const index of batch.indexes) {
        if (index < 0 || index >= batch.size) continue;
        const bit = 1 << (index & 7);
        const byte = partial.acked[index >> 3] ?? 0;
        if ((byte & bit) !== 0) continue;
        partial.acked[index >> 3] = byte | bit;
        changed = true;
      }
      if (!changed || !allSet(partial)) return changed;
      this.partial.delete(key);
    }
    let set = this.acked.get(position.ledgerId);
    if (!set) this.acked.set(position.ledgerId, (set = new RangeSet()));
    set.add(position.entryId);
    this.advance(bounds);
    return true;
  }

  /** Acknowledges everything up to and including `position`. */
  ackCumulative(position: Position, bounds: LedgerBounds): boolean {
    if (comparePositions(position, this.markDelete) <= 0) return false;
    this.markDelete = position;
    for (const ledgerId of [...this.acked.keys()]) {
      if (ledgerId < position.ledgerId) this.acked.delete(ledgerId);
    }
    this.acked.get(position.ledgerId)?.removeThrough(position.entryId);
    for (const [key, partial] of this.partial) {
      if (comparePositions(partial.position, position) <= 0) this.partial.delete(key);
    }
    this.advance(bounds);
    return true;
  }

  /** Individually acknowledged ranges above the mark-delete position. */
  get ackedRangeCount(): number {
    let count = 0;
    for (const set of this.acked.values()) count += set.rangeCount;
    return count;
  }

  /** Entries acknowledged individually above the mark-delete position. */
  get ackedEntryCount(): number {
    let count = 0;
    for (const set of this.acked.values()) count += set.size;
    return count;
  }

  encode(): Buffer {
    const info: CursorInfo = {
      markDelete: this.markDelete,
      acked: [...this.acked.entries()]
        .filter(([, set]) => !set.isEmpty)
        .map(([ledgerId, set]) => {
          const writer = new VarintWriter();
          let previousEnd = -1;
          for (const [start, end] of set.entries()) {
            writer.write(start - previousEnd - 1);
            writer.write(end - start);
            previousEnd = end;
          }
          return { ledgerId, ranges: writer.finish() };
        }),
      partial: [...this.partial.values()].map((p) => ({
        position: p.position,
        batchSize: p.size,
        acked: Buffer.from(p.acked),
      })),
      updatedAtMs: Date.now(),
    };
    const bytes = codec.encode(info);
    return bytes.length > DEFLATE_ABOVE ? codec.encode({ deflated: deflateRawSync(bytes) }) : bytes;
  }

  static decode(bytes: Uint8Array): CursorState {
    let info = codec.decode(bytes);
    if (info.deflated.length > 0) info = codec.decode(inflateRawSync(info.deflated));
    const state = new CursorState(info.markDelete ?? { ledgerId: 0, entryId: -1 });
    for (const { ledgerId, ranges } of info.acked) {
      const set = new RangeSet();
      const values = readVarints(ranges);
      let previousEnd = -1;
      for (;;) {
        const gap = values.next();
        const length = values.next();
        if (gap.done || length.done) break;
        const start = previousEnd + 1 + gap.value;
        set.addRange(start, start + length.value);
        previousEnd = start + length.value;
      }
      state.acked.set(ledgerId, set);
    }
    for (const p of info.partial) {
      if (!p.position) continue;
      state.partial.set(keyOf(p.position), {
        position: p.position,
        size: p.batchSize,
        acked: new Uint8Array(p.acked),
      });
    }
    return state;
  }

  /** Moves mark-delete over acknowledged entries and across the ends of closed ledgers. */
  private advance(bounds: LedgerBounds): void {
    for (;;) {
      const { ledgerId, entryId } = this.markDelete;
      const set = this.acked.get(ledgerId);
      const end = set?.rangeEndAt(entryId + 1);
      if (set && end !== undefined) {
        this.markDelete = { ledgerId, entryId: end };
        set.removeThrough(end);
        if (set.isEmpty) this.acked.delete(ledgerId);
        continue;
      }
      const last = bounds.closedLedgerLastEntry(ledgerId);
      const finished = (last !== undefined && entryId >= last) || !bounds.ledgerExists(ledgerId);
      const next = finished ? bounds.ledgerAfter(ledgerId) : undefined;
      if (next === undefined) return;
      this.markDelete = { ledgerId: next, entryId: -1 };
    }
  }
}

function allSet(batch: PartialBatch): boolean {
  for (let i = 0; i < batch.size; i++) {
    if (((batch.acked[i >> 3] ?? 0) & (1 << (i & 7))) === 0) return false;
  }
  return true;
}
