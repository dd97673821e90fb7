// Original file: proto/strata/metadata/v1/metadata_storage.proto

import type { Long } from '@grpc/proto-loader';

export interface StoredLease {
  ttlMs?: number | string | Long;
}

export interface StoredLease__Output {
  ttlMs: number;
}
