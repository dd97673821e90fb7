import { BadVersionError, UnavailableError } from '../../services/common/errors.js';
import { retry } from '../../services/common/retry.js';
import { DistributionSchedule } from './distribution-schedule.js';
import { LedgerFencedError } from './ledger-errors.js';
import { lastSegment, type LedgerMetadata, type VersionedMetadata } from './ledger-metadata.js';
import { LedgerWriter, type WriterContext } from './ledger-writer.js';
import { isIntact, replicasOf } from './read-entry.js';

type RecoveryRead =
  | { kind: 'found'; payload: Buffer; crc32c: number }
  | { kind: 'missing' }
  | { kind: 'unknown'; reasons: string[] };

/** Entries read ahead in parallel while looking for the end of the ledger. */
const READ_AHEAD = 16;

/**
 * Opens a ledger with recovery, as BookKeeper does: mark it IN_RECOVERY, fence its last ensemble
 * (so its writer can never again collect an ack quorum), take the highest LAC, read forward from
 * there until an entry is provably missing, re-write every recovered entry to a full write quorum,
 * then close the ledger there by compare-and-set. Concurrent recoveries converge: whichever closes
 * first wins and the others adopt its result.
 */
export async function recoverLedger(ctx: WriterContext, ledgerId: number): Promise<LedgerMetadata> {
  return retry(() => recoverOnce(ctx, ledgerId), {
    retries: 20,
    maxDelayMs: 1_000,
    shouldRetry: (error) =>
      error instanceof BadVersionError || (error as { retriable?: boolean }).retriable === true,
  });
}

async function recoverOnce(ctx: WriterContext, ledgerId: number): Promise<LedgerMetadata> {
  let versioned: VersionedMetadata = await ctx.metadata.read(ledgerId);
  if (versioned.metadata.status === 'CLOSED') return versioned.metadata;
  if (versioned.metadata.status === 'OPEN') {
    const metadata: LedgerMetadata = { ...versioned.metadata, status: 'IN_RECOVERY' };
    versioned = {
      metadata,
      version: await ctx.metadata.update(ledgerId, metadata, versioned.version),
    };
  }
  const { metadata } = versioned;
  const schedule = new DistributionSchedule(
    metadata.ensembleSize,
    metadata.writeQuorum,
    metadata.ackQuorum,
  );
  const fenced = await fence(ctx, ledgerId, metadata, schedule);
  const { lac } = fenced;
  // Recorded with the ledger, for checks that no fenced node took a later add.
  if (metadata.fencedAtMs === 0) {
    const record: LedgerMetadata = {
      ...metadata,
      fencedAtMs: fenced.atMs,
      fencedNodeIds: fenced.nodeIds,
    };
    versioned = {
      metadata: record,
      version: await ctx.metadata.update(ledgerId, record, versioned.version),
    };
  }

  const recovered: Array<{ payload: Buffer; crc32c: number }> = [];
  for (let from = lac + 1; ; from += READ_AHEAD) {
    const window = await Promise.all(
      Array.from({ length: READ_AHEAD }, (_, i) =>
        readForRecovery(ctx, ledgerId, metadata, schedule, from + i),
      ),
    );
    const end = window.findIndex((read) => read.kind !== 'found');
    for (const read of end === -1 ? window : window.slice(0, end)) {
      if (read.kind === 'found') recovered.push(read);
    }
    if (end === -1) continue;
    const stop = window[end] as RecoveryRead;
    if (stop.kind === 'unknown') {
      throw new UnavailableError(
        `ledger ${ledgerId} recovery cannot tell whether entry ${from + end} exists: ${stop.reasons.join('; ')}`,
      );
    }
    break;
  }

  const writer = new LedgerWriter(ctx, {
    ledgerId,
    versioned,
    nextEntryId: lac + 1,
    lac,
    recovery: true,
  });
  try {
    await Promise.all(
      recovered.map((entry) => writer.append(entry.payload, { crc32c: entry.crc32c })),
    );
    const closed = await writer.close();
    ctx.logger?.info(
      { ledgerId, lac, recovered: recovered.length, lastEntryId: closed.lastEntryId },
      'ledger recovered and closed',
    );
    return closed;
  } catch (error) {
    writer.abandon('recovery did not finish');
    if (!(error instanceof LedgerFencedError)) throw error;
    // Another recovery closed it first: its result stands. Anything else that moved the metadata
    // means this attempt's view is stale: start over from what is persisted.
    const now = await ctx.metadata.read(ledgerId);
    if (now.metadata.status === 'CLOSED') return now.metadata;
    throw new UnavailableError(
      `ledger ${ledgerId}: recovery lost a race (${error.message}); starting over`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Fences every node of the last ensemble and returns the highest LAC they report. Enough nodes must
 * answer that every ack quorum holds a fenced node; otherwise the old writer could still succeed.
 */
async function fence(
  ctx: WriterContext,
  ledgerId: number,
  metadata: LedgerMetadata,
  schedule: DistributionSchedule,
): Promise<{ lac: number; atMs: number; nodeIds: string[] }> {
  const segment = lastSegment(metadata);
  const answers = await Promise.allSettled(
    segment.nodeIds.map(async (nodeId) => ctx.pool.get(nodeId).fence(ledgerId)),
  );
  const responded = new Set<number>();
  let lac = segment.firstEntryId - 1;
  answers.forEach((answer, index) => {
    if (answer.status !== 'fulfilled') return;
    responded.add(index);
    lac = Math.max(lac, answer.value.lac);
  });
  if (!schedule.coversAllAckQuorums(responded)) {
    throw new UnavailableError(
      `ledger ${ledgerId}: only ${responded.size} of ${segment.nodeIds.length} nodes could be fenced, not enough to cover every ack quorum`,
    );
  }
  return {
    lac,
    atMs: Date.now(),
    nodeIds: [...responded].map((index) => segment.nodeIds[index] as string),
  };
}

/** Asks every replica at once: a good copy anywhere is recovered; enough "no entry" proves the end. */
async function readForRecovery(
  ctx: WriterContext,
  ledgerId: number,
  metadata: LedgerMetadata,
  schedule: DistributionSchedule,
  entryId: number,
): Promise<RecoveryRead> {
  const replicas = replicasOf(metadata, schedule, entryId);
  const answers = await Promise.allSettled(
    replicas.map(async (nodeId) => {
      const node = ctx.pool.get(nodeId);
      return { node, response: await node.readEntry(ledgerId, entryId) };
    }),
  );
  let noEntry = 0;
  const reasons: string[] = [];
  for (const [i, answer] of answers.entries()) {
    if (answer.status === 'rejected') {
      reasons.push(`${replicas[i]}: ${(answer.reason as Error).message}`);
      continue;
    }
    const { status, entry } = answer.value.response;
    if (status === 'READ_OK' && isIntact(entry, answer.value.node))
      return { kind: 'found', payload: entry.payload, crc32c: entry.crc32c };
    if (status === 'READ_NO_ENTRY') noEntry++;
    else reasons.push(`${replicas[i]}: corrupt copy`);
  }
  return schedule.provesMissing(noEntry) ? { kind: 'missing' } : { kind: 'unknown', reasons };
}
