// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface LeaseGrantRequest {
  ttlMs?: number | string | Long;
}

export interface LeaseGrantRequest__Output {
  ttlMs: number;
}
