import { crc32c } from '@node-rs/crc32';
import type { Entry__Output } from '../../proto/generated/strata/storage/v1/Entry.js';
import type { Logger } from '../../services/common/logger.js';
import type { DistributionSchedule } from './distribution-schedule.js';
import { EntryUnavailableError } from './ledger-errors.js';
import { segmentFor, type LedgerMetadata } from './ledger-metadata.js';
import type { NodePool } from './node-pool.js';
import type { StorageNodeApi } from '../storage-node-api.js';

export interface LedgerEntry {
  entryId: number;
  payload: Buffer;
}

export interface ReadContext {
  pool: NodePool;
  logger?: Logger;
}

/**
 * A copy is good only if its payload matches the checksum the writer computed. A node in this
 * process has checked that on this very buffer already; checking a 128 KB entry again cost the
 * standalone's drain ~21 us an entry on its busiest thread.
 */
export function isIntact(
  entry: Entry__Output | null | undefined,
  from: StorageNodeApi,
): entry is Entry__Output {
  if (!entry) return false;
  return from.readsVerifiedInProcess || crc32c(entry.payload) >>> 0 === entry.crc32c >>> 0;
}

/** The write set of an entry, as node ids, in the order replicas are tried. */
export function replicasOf(
  metadata: LedgerMetadata,
  schedule: DistributionSchedule,
  entryId: number,
): string[] {
  const segment = segmentFor(metadata, entryId);
  return schedule.writeSet(entryId).map((index) => segment.nodeIds[index] as string);
}

/**
 * Reads one entry, trying its replicas in turn: a missing, corrupt or unreachable copy sends the
 * read to the next. A corrupt copy is logged; it is never returned.
 */
export async function readEntry(
  ctx: ReadContext,
  ledgerId: number,
  metadata: LedgerMetadata,
  schedule: DistributionSchedule,
  entryId: number,
): Promise<LedgerEntry> {
  const reasons: string[] = [];
  for (const nodeId of replicasOf(metadata, schedule, entryId)) {
    try {
      const node = ctx.pool.get(nodeId);
      const response = await node.readEntry(ledgerId, entryId);
      if (response.status === 'READ_OK' && isIntact(response.entry, node)) {
        return { entryId, payload: response.entry.payload };
      }
      if (response.status === 'READ_NO_ENTRY') {
        reasons.push(`${nodeId}: no such entry`);
        continue;
      }
      ctx.logger?.warn({ ledgerId, entryId, nodeId }, 'corrupt replica: reading another copy');
      reasons.push(`${nodeId}: corrupt copy`);
    } catch (error) {
      reasons.push(`${nodeId}: ${(error as Error).message}`);
    }
  }
  throw new EntryUnavailableError(ledgerId, entryId, reasons);
}
