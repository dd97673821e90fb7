import { BadVersionError } from '../../services/common/errors.js';
import type { Logger } from '../../services/common/logger.js';
import { retry } from '../../services/common/retry.js';
import { LedgerFencedError, NotEnoughNodesError } from './ledger-errors.js';
import {
  lastSegment,
  type LedgerMetadata,
  type LedgerMetadataStore,
  type Segment,
  type VersionedMetadata,
} from './ledger-metadata.js';
import type { NodeRegistry } from './node-registry.js';

export interface EnsembleChangeRequest {
  ledgerId: number;
  current: VersionedMetadata;
  /** Nodes of the last segment to replace. */
  failed: ReadonlySet<string>;
  /** Nodes never to choose as replacements (every node that failed this writer). */
  exclude: ReadonlySet<string>;
  /** The first entry the new ensemble holds: the writer's LAC + 1. */
  firstEntryId: number;
  /** The state the ledger must still be in (OPEN for a writer, IN_RECOVERY for a recovery). */
  expectedStatus: LedgerMetadata['status'];
  /**
   * Record the change by compare-and-set now (a writer), or only in memory (a recovery: its
   * changes become visible together with CLOSED, so a recovery that dies half-way leaves the
   * ledger's persisted ensemble as the next recovery must find it).
   */
  persist: boolean;
  deadline: number;
  logger?: Logger;
}

const sameNodes = (a: Segment | undefined, b: Segment) =>
  !!a && a.firstEntryId === b.firstEntryId && a.nodeIds.join() === b.nodeIds.join();

/**
 * Replaces failed nodes with live ones outside the ensemble and records the new segment. If the
 * ledger left `expectedStatus` meanwhile (a recovery fenced it), the writer has lost the ledger:
 * LedgerFencedError.
 */
export async function changeEnsemble(
  store: LedgerMetadataStore,
  registry: NodeRegistry,
  request: EnsembleChangeRequest,
): Promise<VersionedMetadata> {
  const last = lastSegment(request.current.metadata);
  const failedHere = last.nodeIds.filter((node) => request.failed.has(node));
  if (failedHere.length === 0) return request.current;
  let proposal: VersionedMetadata | undefined;
  return retry(
    async () => {
      const replacements = registry.choose(
        failedHere.length,
        new Set([...last.nodeIds, ...request.failed, ...request.exclude]),
      );
      const nodeIds = last.nodeIds.map((node) =>
        request.failed.has(node) ? (replacements[failedHere.indexOf(node)] as string) : node,
      );
      const segment: Segment = { firstEntryId: request.firstEntryId, nodeIds };
      // A segment that never got a confirmed entry is replaced rather than followed.
      const segments = request.current.metadata.segments;
      const kept = last.firstEntryId >= request.firstEntryId ? segments.slice(0, -1) : segments;
      const metadata = { ...request.current.metadata, segments: [...kept, segment] };
      proposal = { metadata, version: request.current.version };
      if (request.persist)
        proposal.version = await store.update(request.ledgerId, metadata, request.current.version);
      request.logger?.info(
        {
          ledgerId: request.ledgerId,
          firstEntryId: request.firstEntryId,
          replaced: failedHere,
          by: replacements,
        },
        request.persist ? 'ensemble changed' : 'ensemble changed for recovery (recorded at close)',
      );
      return proposal;
    },
    {
      retries: Infinity,
      deadline: request.deadline,
      maxDelayMs: 500,
      shouldRetry: (error) =>
        error instanceof NotEnoughNodesError ||
        (error as { retriable?: boolean }).retriable === true,
    },
  ).catch(async (error: unknown) => {
    if (!(error instanceof BadVersionError)) throw error;
    // Only this writer changes an OPEN ledger's ensemble: a version conflict is either our own
    // earlier attempt that landed (its answer lost) or a recovery taking the ledger.
    const now = await store.read(request.ledgerId);
    const intended = proposal ? lastSegment(proposal.metadata) : undefined;
    if (
      now.metadata.status === request.expectedStatus &&
      sameNodes(intended, lastSegment(now.metadata))
    )
      return now;
    throw new LedgerFencedError(
      request.ledgerId,
      `its metadata changed underneath (now ${now.metadata.status})`,
    );
  });
}
