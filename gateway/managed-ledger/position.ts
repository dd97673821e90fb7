/** A place in a topic: an entry of one of its ledgers. Ledger ids grow over a topic's life. */
export interface Position {
  ledgerId: number;
  entryId: number;
}

export function comparePositions(a: Position, b: Position): number {
  return a.ledgerId !== b.ledgerId ? a.ledgerId - b.ledgerId : a.entryId - b.entryId;
}

export function formatPosition(p: Position): string {
  return `${p.ledgerId}:${p.entryId}`;
}
