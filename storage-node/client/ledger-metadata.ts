import type { LedgerMetadata__Output } from '../../proto/generated/strata/storage/v1/LedgerMetadata.js';
import type { Segment__Output } from '../../proto/generated/strata/storage/v1/Segment.js';
import { BadVersionError, InternalError } from '../../services/common/errors.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { MUST_NOT_EXIST, type MetadataStore } from '../../services/metadata/metadata-store.js';
import { ledgerMetadataCodec } from '../storage-grpc.js';
import { LedgerNotFoundError } from './ledger-errors.js';

export type LedgerMetadata = LedgerMetadata__Output;
export type Segment = Segment__Output;

export interface VersionedMetadata {
  metadata: LedgerMetadata;
  version: number;
}

/** The segment (ensemble) that holds an entry: the last one starting at or before it. */
export function segmentFor(metadata: LedgerMetadata, entryId: number): Segment {
  let found = metadata.segments[0];
  for (const segment of metadata.segments) {
    if (segment.firstEntryId <= entryId) found = segment;
    else break;
  }
  if (!found) throw new InternalError('ledger metadata has no segment');
  return found;
}

export function lastSegment(metadata: LedgerMetadata): Segment {
  const segment = metadata.segments[metadata.segments.length - 1];
  if (!segment) throw new InternalError('ledger metadata has no segment');
  return segment;
}

/** The segments that hold entries in [first, last], each with the part of the range it holds. */
export function segmentsInRange(
  metadata: LedgerMetadata,
  first: number,
  last: number,
): Array<{ segment: Segment; first: number; last: number }> {
  const parts: Array<{ segment: Segment; first: number; last: number }> = [];
  metadata.segments.forEach((segment, i) => {
    const next = metadata.segments[i + 1];
    const segmentLast = next ? next.firstEntryId - 1 : Number.MAX_SAFE_INTEGER;
    const from = Math.max(first, segment.firstEntryId);
    const to = Math.min(last, segmentLast);
    if (from <= to) parts.push({ segment, first: from, last: to });
  });
  return parts;
}

/** Reads and compare-and-sets ledger metadata in the metadata store; allocates ledger ids. */
export class LedgerMetadataStore {
  constructor(private readonly store: MetadataStore) {}

  async read(ledgerId: number): Promise<VersionedMetadata> {
    const kv = await this.store.get(clusterKeys.ledger(ledgerId));
    if (!kv) throw new LedgerNotFoundError(ledgerId);
    return { metadata: ledgerMetadataCodec.decode(kv.value), version: kv.version };
  }

  async create(ledgerId: number, metadata: LedgerMetadata): Promise<number> {
    const { version } = await this.store.put(
      clusterKeys.ledger(ledgerId),
      ledgerMetadataCodec.encode(metadata),
      {
        expectedVersion: MUST_NOT_EXIST,
      },
    );
    return version;
  }

  /** Writes new metadata if nobody changed it since `version`; throws BadVersionError otherwise. */
  async update(ledgerId: number, metadata: LedgerMetadata, version: number): Promise<number> {
    const result = await this.store.put(
      clusterKeys.ledger(ledgerId),
      ledgerMetadataCodec.encode(metadata),
      {
        expectedVersion: version,
      },
    );
    return result.version;
  }

  async delete(ledgerId: number): Promise<boolean> {
    return (await this.store.delete(clusterKeys.ledger(ledgerId))).deleted;
  }

  /** A cluster-wide unique ledger id: a counter advanced by compare-and-set. */
  async allocateId(): Promise<number> {
    for (;;) {
      const current = await this.store.get(clusterKeys.ledgerIdCounter);
      const next = (current ? Number(current.value.toString('utf8')) : 0) + 1;
      try {
        await this.store.put(clusterKeys.ledgerIdCounter, Buffer.from(String(next)), {
          expectedVersion: current?.version ?? MUST_NOT_EXIST,
        });
        return next;
      } catch (error) {
        if (!(error instanceof BadVersionError)) throw error;
      }
    }
  }
}
