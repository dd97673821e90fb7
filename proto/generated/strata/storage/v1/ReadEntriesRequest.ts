// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadEntriesRequest {
  ledgerId?: number | string | Long;
  firstEntryId?: number | string | Long;
  lastEntryId?: number | string | Long;
}

export interface ReadEntriesRequest__Output {
  ledgerId: number;
  firstEntryId: number;
  lastEntryId: number;
}
