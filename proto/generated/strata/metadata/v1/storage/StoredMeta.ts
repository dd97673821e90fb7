// Original file: proto/strata/metadata/v1/metadata_storage.proto

import type { Long } from '@grpc/proto-loader';

export interface StoredMeta {
  revision?: number | string | Long;
  nextLease?: number | string | Long;
  oldestHistoryRevision?: number | string | Long;
}

export interface StoredMeta__Output {
  revision: number;
  nextLease: number;
  oldestHistoryRevision: number;
}
