// Original file: proto/strata/storage/v1/ledger_metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface Segment {
  firstEntryId?: number | string | Long;
  nodeIds?: string[];
}

export interface Segment__Output {
  firstEntryId: number;
  nodeIds: string[];
}
