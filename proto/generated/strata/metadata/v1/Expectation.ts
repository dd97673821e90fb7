// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface Expectation {
  version?: number | string | Long;
}

export interface Expectation__Output {
  version: number;
}
