// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface LeaseKeepAliveResponse {
  ttlMs?: number | string | Long;
}

export interface LeaseKeepAliveResponse__Output {
  ttlMs: number;
}
