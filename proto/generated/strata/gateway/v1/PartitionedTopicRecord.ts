// Original file: proto/strata/gateway/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface PartitionedTopicRecord {
  partitions?: number;
  createdAtMs?: number | string | Long;
  deleting?: boolean;
}

export interface PartitionedTopicRecord__Output {
  partitions: number;
  createdAtMs: number;
  deleting: boolean;
}
