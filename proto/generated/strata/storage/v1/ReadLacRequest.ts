// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadLacRequest {
  ledgerId?: number | string | Long;
}

export interface ReadLacRequest__Output {
  ledgerId: number;
}
