// Original file: proto/strata/storage/v1/storage.proto

import type { Long } from '@grpc/proto-loader';

export interface LedgerState {
  lac?: number | string | Long;
  lastEntryId?: number | string | Long;
  fenced?: boolean;
}

export interface LedgerState__Output {
  lac: number;
  lastEntryId: number;
  fenced: boolean;
}
