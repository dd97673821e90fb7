import type { CursorState } from '../cursor/cursor-state.js';

/**
 * A subscription's backlog in entries: those after its mark-delete position, less the ones it
 * acknowledged individually. Entries are batches; Pulsar counts its backlog the same way.
 */
export function backlogEntries(
  ledgers: ReadonlyArray<{ ledgerId: number; entries: number }>,
  cursor: CursorState,
): number {
  const { ledgerId, entryId } = cursor.markDelete;
  let after = 0;
  for (const ledger of ledgers) {
    if (ledger.ledgerId === ledgerId) after += Math.max(0, ledger.entries - (entryId + 1));
    else if (ledger.ledgerId > ledgerId) after += ledger.entries;
  }
  return Math.max(0, after - cursor.ackedEntryCount);
}
