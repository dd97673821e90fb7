// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface LeaseGrantResponse {
  lease?: number | string | Long;
  ttlMs?: number | string | Long;
}

export interface LeaseGrantResponse__Output {
  lease: number;
  ttlMs: number;
}
