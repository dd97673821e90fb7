// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface DeleteLedgerRequest {
  ledgerId?: number | string | Long;
}

export interface DeleteLedgerRequest__Output {
  ledgerId: number;
}
