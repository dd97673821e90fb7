// Original file: proto/strata/storage/v1/ledger_metadata.proto

import type {
  LedgerStatus as _strata_storage_v1_LedgerStatus,
  LedgerStatus__Output as _strata_storage_v1_LedgerStatus__Output,
} from '../../../strata/storage/v1/LedgerStatus.js';
import type {
  Segment as _strata_storage_v1_Segment,
  Segment__Output as _strata_storage_v1_Segment__Output,
} from '../../../strata/storage/v1/Segment.js';
import type { Long } from '@grpc/proto-loader';

export interface LedgerMetadata {
  ensembleSize?: number;
  writeQuorum?: number;
  ackQuorum?: number;
  status?: _strata_storage_v1_LedgerStatus;
  lastEntryId?: number | string | Long;
  segments?: _strata_storage_v1_Segment[];
  createdAtMs?: number | string | Long;
  properties?: { [key: string]: string };
  fencedAtMs?: number | string | Long;
  fencedNodeIds?: string[];
}

export interface LedgerMetadata__Output {
  ensembleSize: number;
  writeQuorum: number;
  ackQuorum: number;
  status: _strata_storage_v1_LedgerStatus__Output;
  lastEntryId: number;
  segments: _strata_storage_v1_Segment__Output[];
  createdAtMs: number;
  properties: { [key: string]: string };
  fencedAtMs: number;
  fencedNodeIds: string[];
}
