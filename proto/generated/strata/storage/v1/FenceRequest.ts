// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface FenceRequest {
  ledgerId?: number | string | Long;
}

export interface FenceRequest__Output {
  ledgerId: number;
}
