// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface ListLedgersRequest {
  startAfter?: number | string | Long;
  limit?: number;
}

export interface ListLedgersRequest__Output {
  startAfter: number;
  limit: number;
}
