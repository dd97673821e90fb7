// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadEntryRequest {
  ledgerId?: number | string | Long;
  entryId?: number | string | Long;
}

export interface ReadEntryRequest__Output {
  ledgerId: number;
  entryId: number;
}
