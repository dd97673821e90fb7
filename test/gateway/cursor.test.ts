import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorState, type LedgerBounds } from '../../gateway/cursor/cursor-state.js';
import { ManagedCursor } from '../../gateway/cursor/managed-cursor.js';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startMetadataProcess } from '../../deploy/local/strata-roles.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { makeTempDir } from '../harness/temp-dir.js';

/** Ledgers 10 (entries 0..99, closed), 20 (0..49, closed), 30 (being written). */
const bounds: LedgerBounds = {
  closedLedgerLastEntry: (id) => ({ 10: 99, 20: 49 })[id],
  ledgerExists: (id) => [10, 20, 30].includes(id),
  ledgerAfter: (id) => [10, 20, 30].find((l) => l > id),
};

describe('CursorState', () => {
  it('moves mark-delete over contiguous acks and across closed ledgers', () => {
    const state = new CursorState({ ledgerId: 10, entryId: -1 });
    for (let e = 1; e <= 99; e++) state.ack({ ledgerId: 10, entryId: e }, bounds);
    expect(state.markDelete).toEqual({ ledgerId: 10, entryId: -1 });
    expect(state.ackedRangeCount).toBe(1);
    state.ack({ ledgerId: 20, entryId: 0 }, bounds);
    state.ack({ ledgerId: 10, entryId: 0 }, bounds);
    // 10 is done, 20:0 was acked: mark-delete lands on 20:0.
    expect(state.markDelete).toEqual({ ledgerId: 20, entryId: 0 });
    state.ackCumulative({ ledgerId: 20, entryId: 49 }, bounds);
    expect(state.markDelete).toEqual({ ledgerId: 30, entryId: -1 });
    expect(state.isAcked({ ledgerId: 30, entryId: 0 })).toBe(false);
  });

  it('acks a batch entry only when every message in it is acked', () => {
    const state = new CursorState({ ledgerId: 30, entryId: -1 });
    const entry = { ledgerId: 30, entryId: 0 };
    state.ack(entry, bounds, { indexes: [0], size: 3 });
    state.ack(entry, bounds, { indexes: [2], size: 3 });
    expect(state.isAcked(entry, 0)).toBe(true);
    expect(state.isAcked(entry, 1)).toBe(false);
    expect(state.isAcked(entry)).toBe(false);
    // The partial batch survives encoding.
    const reloaded = CursorState.decode(state.encode());
    expect(reloaded.isAcked(entry, 2)).toBe(true);
    expect(reloaded.isAcked(entry, 1)).toBe(false);
    reloaded.ack(entry, bounds, { indexes: [1], size: 3 });
    expect(reloaded.markDelete).toEqual(entry);
  });

  it('acks several messages of a batch at once, and reports no change for acked ones', () => {
    const state = new CursorState({ ledgerId: 30, entryId: -1 });
    const entry = { ledgerId: 30, entryId: 0 };
    expect(state.ack(entry, bounds, { indexes: [0, 3, 9], size: 10 })).toBe(true);
    expect([...Array(10).keys()].filter((i) => state.isAcked(entry, i))).toEqual([0, 3, 9]);
    expect(state.ack(entry, bounds, { indexes: [3, 9], size: 10 })).toBe(false);
    expect(state.ack(entry, bounds, { indexes: [1, 2, 4, 5, 6, 7], size: 10 })).toBe(true);
    expect(state.isAcked(entry)).toBe(false);
    expect(state.ack(entry, bounds, { indexes: [8], size: 10 })).toBe(true);
    expect(state.isAcked(entry)).toBe(true);
    expect(state.markDelete).toEqual(entry);
    expect(state.ack(entry, bounds, { indexes: [8], size: 10 })).toBe(false);
  });

  it('an ack naming no index of the batch changes nothing and leaves no partial record', () => {
    const state = new CursorState({ ledgerId: 30, entryId: -1 });
    const entry = { ledgerId: 30, entryId: 0 };
    const before = CursorState.decode(state.encode());
    expect(state.ack(entry, bounds, { indexes: [], size: 3 })).toBe(false);
    expect(state.ack(entry, bounds, { indexes: [3, -1], size: 3 })).toBe(false);
    expect(CursorState.decode(state.encode())).toEqual(before);
  });
});

describe('ManagedCursor persistence', () => {
  const group = new ProcessGroup();
  let metadata: MetadataStore;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const dir = await makeTempDir('cursor');
    removeDir = dir.remove;
    metadata = await openMetadataStore((await startMetadataProcess(group, dir.path)).url);
  });

  afterAll(async () => {
    await metadata?.close();
    await group.stopAll();
    await removeDir?.();
  });

  it('persists and reloads 100,000 scattered acks exactly', async () => {
    const path = `public/default/cursor-${Date.now()}`;
    const open = () =>
      ManagedCursor.open({ metadata }, path, 'sub', bounds, { ledgerId: 30, entryId: -1 });
    const cursor = await open();
    // Every other one of 100,000 messages: 50,000 separate ranges.
    for (let e = 1; e < 100_000; e += 2) cursor.ack({ ledgerId: 30, entryId: e });
    await cursor.flush();
    expect(cursor.state.ackedRangeCount).toBe(50_000);
    const stored = await metadata.get(`/strata/cursors/${path}/sub`);
    expect(stored?.value.byteLength).toBeLessThan(1024 * 1024);

    const reloaded = await open();
    expect(reloaded.state.ackedRangeCount).toBe(50_000);
    for (let e = 0; e < 100_000; e++) {
      expect(reloaded.isAcked({ ledgerId: 30, entryId: e })).toBe(e % 2 === 1);
    }

    // Then the rest: everything collapses into the mark-delete position.
    for (let e = 0; e < 100_000; e += 2) reloaded.ack({ ledgerId: 30, entryId: e });
    await reloaded.flush();
    expect(reloaded.markDelete).toEqual({ ledgerId: 30, entryId: 99_999 });
    const final = await open();
    expect(final.markDelete).toEqual({ ledgerId: 30, entryId: 99_999 });
    expect(final.state.ackedRangeCount).toBe(0);
  });

  it('persists within the interval without an explicit flush, and a stale writer is fenced', async () => {
    const path = `public/default/cursor-rate-${Date.now()}`;
    const first = await ManagedCursor.open(
      { metadata, persistIntervalMs: 50 },
      path,
      'sub',
      bounds,
      { ledgerId: 30, entryId: -1 },
    );
    first.ack({ ledgerId: 30, entryId: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = await ManagedCursor.open({ metadata }, path, 'sub', bounds, {
      ledgerId: 30,
      entryId: -1,
    });
    expect(seen.markDelete).toEqual({ ledgerId: 30, entryId: 0 });

    // `seen` writes as a new owner; the first cursor's next write must fail, not overwrite it.
    seen.ack({ ledgerId: 30, entryId: 1 });
    await seen.flush();
    first.ack({ ledgerId: 30, entryId: 5 });
    await expect(first.flush()).rejects.toMatchObject({ code: 'TOPIC_FENCED' });
    const final = await ManagedCursor.open({ metadata }, path, 'sub', bounds, {
      ledgerId: 30,
      entryId: -1,
    });
    expect(final.markDelete).toEqual({ ledgerId: 30, entryId: 1 });
    expect(final.isAcked({ ledgerId: 30, entryId: 5 })).toBe(false);
  });
});
