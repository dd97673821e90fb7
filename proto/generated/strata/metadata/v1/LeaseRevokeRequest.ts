// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface LeaseRevokeRequest {
  lease?: number | string | Long;
}

export interface LeaseRevokeRequest__Output {
  lease: number;
}
