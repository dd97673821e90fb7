import { UnavailableError } from '../../services/common/errors.js';
import type { Segment } from './ledger-metadata.js';
import type { ReadContext } from './read-entry.js';

/**
 * The last-add-confirmed of an open ledger, as its last ensemble knows it: the highest LAC any of
 * its nodes has seen. Every entry up to it is confirmed, so a tailing reader may read that far.
 */
export async function readLac(
  ctx: ReadContext,
  ledgerId: number,
  segment: Segment,
): Promise<number> {
  const answers = await Promise.allSettled(
    segment.nodeIds.map(async (nodeId) => ctx.pool.get(nodeId).readLac(ledgerId)),
  );
  // Every entry before the last segment was confirmed when the segment began.
  let lac = segment.firstEntryId - 1;
  let answered = 0;
  for (const answer of answers) {
    if (answer.status !== 'fulfilled') continue;
    answered++;
    lac = Math.max(lac, answer.value.lac);
  }
  if (answered === 0)
    throw new UnavailableError(`no node of ledger ${ledgerId}'s ensemble answered for its LAC`);
  return lac;
}
