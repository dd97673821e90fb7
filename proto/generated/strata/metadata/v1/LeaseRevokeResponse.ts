// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface LeaseRevokeResponse {
  revision?: number | string | Long;
}

export interface LeaseRevokeResponse__Output {
  revision: number;
}
