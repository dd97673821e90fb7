// Original file: proto/strata/gateway/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface ClusterInitRecord {
  initializedAtMs?: number | string | Long;
}

export interface ClusterInitRecord__Output {
  initializedAtMs: number;
}
