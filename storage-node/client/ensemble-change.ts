import { BadVersionError } from '../../services/common/errors.js';
import type { Logger } from '../../services/common/logger.js';
import { retry } from '../../services/common/retry.js';
import { LedgerFencedError, NotEnoughNodesError } from './ledger-errors.js';
import {
  lastSegment,
  type LedgerMetadata,
  type LedgerMetadataStore,
  type VersionedMetadata,
} from './ledger-metadata.js';
import type { NodeRegistry } from './node-registry.js';

export interface EnsembleChangeRequest {
  ledgerId: number;
  current: VersionedMetadata;
  /** Nodes of the last segment to replace. */
  failed: ReadonlySet<string>;
  /** The first entry the new ensemble holds: the writer's LAC + 1. */
  firstEntryId: number;
  /** The state the ledger must still be in (OPEN for a writer, IN_RECOVERY for a recovery). */
  expectedStatus: LedgerMetadata['status'];
  deadline: number;
  logger?: Logger;
}

/**
 * Replaces failed nodes with live ones outside the ensemble and records the new segment by
 * compare-and-set. If the ledger left `expectedStatus` meanwhile (a recovery fenced it), the
 * writer has lost the ledger: LedgerFencedError.
 */
export async function changeEnsemble(
  store: LedgerMetadataStore,
  registry: NodeRegistry,
  request: EnsembleChangeRequest,
): Promise<VersionedMetadata> {
  let current = request.current;
  return retry(
    async () => {
      if (current.metadata.status !== request.expectedStatus) {
        throw new LedgerFencedError(request.ledgerId, `it is ${current.metadata.status} now`);
      }
      const last = lastSegment(current.metadata);
      const exclude = new Set([...last.nodeIds, ...request.failed]);
      const failedHere = last.nodeIds.filter((node) => request.failed.has(node));
      if (failedHere.length === 0) return current;
      const replacements = registry.choose(failedHere.length, exclude);
      const nodeIds = last.nodeIds.map((node) =>
        request.failed.has(node) ? (replacements[failedHere.indexOf(node)] as string) : node,
      );
      const segment = { firstEntryId: request.firstEntryId, nodeIds };
      // A segment that never got a confirmed entry is replaced rather than followed.
      const kept =
        last.firstEntryId >= request.firstEntryId
          ? current.metadata.segments.slice(0, -1)
          : current.metadata.segments;
      const metadata = { ...current.metadata, segments: [...kept, segment] };
      try {
        const version = await store.update(request.ledgerId, metadata, current.version);
        request.logger?.info(
          {
            ledgerId: request.ledgerId,
            firstEntryId: request.firstEntryId,
            replaced: failedHere,
            by: replacements,
          },
          'ensemble changed',
        );
        return { metadata, version };
      } catch (error) {
        if (error instanceof BadVersionError) current = await store.read(request.ledgerId);
        throw error;
      }
    },
    {
      retries: Infinity,
      deadline: request.deadline,
      maxDelayMs: 500,
      shouldRetry: (error) =>
        error instanceof BadVersionError ||
        error instanceof NotEnoughNodesError ||
        (error as { retriable?: boolean }).retriable === true,
    },
  );
}
