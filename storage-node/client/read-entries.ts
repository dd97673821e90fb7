import { DistributionSchedule } from './distribution-schedule.js';
import { segmentsInRange, type LedgerMetadata } from './ledger-metadata.js';
import { isIntact, readEntry, type LedgerEntry, type ReadContext } from './read-entry.js';

/** Entries fetched per round: bounds memory while keeping the node streams busy. */
const CHUNK = 256;

/**
 * Reads [first, last] in order. Each chunk is streamed from the fewest nodes whose write sets hold
 * every entry of the segment; an entry none of them returned intact is read replica by replica.
 */
export async function* readEntries(
  ctx: ReadContext,
  ledgerId: number,
  metadata: LedgerMetadata,
  first: number,
  last: number,
): AsyncGenerator<LedgerEntry> {
  const schedule = new DistributionSchedule(
    metadata.ensembleSize,
    metadata.writeQuorum,
    metadata.ackQuorum,
  );
  for (const part of segmentsInRange(metadata, first, last)) {
    const nodes = schedule.coveringNodes().map((index) => part.segment.nodeIds[index] as string);
    for (let from = part.first; from <= part.last; from += CHUNK) {
      const to = Math.min(part.last, from + CHUNK - 1);
      const fetched = new Map<number, Buffer>();
      await Promise.all(
        nodes.map(async (nodeId) => {
          try {
            const node = ctx.pool.get(nodeId);
            for await (const response of node.readEntries(ledgerId, from, to)) {
              const entry = response.entry;
              if (response.status === 'READ_OK' && isIntact(entry, node)) {
                if (!fetched.has(entry.entryId)) fetched.set(entry.entryId, entry.payload);
              } else if (response.status === 'READ_CORRUPT' || response.status === 'READ_OK') {
                ctx.logger?.warn(
                  { ledgerId, entryId: entry?.entryId, nodeId },
                  'corrupt replica: reading another copy',
                );
              }
            }
          } catch (error) {
            ctx.logger?.debug(
              { ledgerId, nodeId, err: error },
              'range read from node failed; reading entry by entry',
            );
          }
        }),
      );
      for (let entryId = from; entryId <= to; entryId++) {
        const payload = fetched.get(entryId);
        yield payload
          ? { entryId, payload }
          : await readEntry(ctx, ledgerId, metadata, schedule, entryId);
      }
    }
  }
}
