// Original file: proto/strata/gateway/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

export interface TenantRecord {
  createdAtMs?: number | string | Long;
}

export interface TenantRecord__Output {
  createdAtMs: number;
}
