// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface OpResult {
  version?: number | string | Long;
  deleted?: boolean;
}

export interface OpResult__Output {
  version: number;
  deleted: boolean;
}
