// Original file: proto/strata/gateway/v1/topic_state.proto

import type { Long } from '@grpc/proto-loader';

export interface ManagedLedgerLedger {
  ledgerId?: number | string | Long;
  entries?: number | string | Long;
  sizeBytes?: number | string | Long;
  createdAtMs?: number | string | Long;
}

export interface ManagedLedgerLedger__Output {
  ledgerId: number;
  entries: number;
  sizeBytes: number;
  createdAtMs: number;
}
