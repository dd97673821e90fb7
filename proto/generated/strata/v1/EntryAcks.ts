// Original file: proto/strata/v1/messaging.proto

import type { Long } from '@grpc/proto-loader';

export interface EntryAcks {
  ledgerId?: number | string | Long;
  entryId?: number | string | Long;
  batchIndexes?: number[];
}

export interface EntryAcks__Output {
  ledgerId: number;
  entryId: number;
  batchIndexes: number[];
}
