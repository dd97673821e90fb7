// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface PutResponse {
  version?: number | string | Long;
  revision?: number | string | Long;
}

export interface PutResponse__Output {
  version: number;
  revision: number;
}
