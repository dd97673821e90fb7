// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface LeaseKeepAliveRequest {
  lease?: number | string | Long;
}

export interface LeaseKeepAliveRequest__Output {
  lease: number;
}
