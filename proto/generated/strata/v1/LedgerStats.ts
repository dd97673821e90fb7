// Original file: proto/strata/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

export interface LedgerStats {
  ledgerId?: number | string | Long;
  entries?: number | string | Long;
  sizeBytes?: number | string | Long;
  createdAtMs?: number | string | Long;
  open?: boolean;
}

export interface LedgerStats__Output {
  ledgerId: number;
  entries: number;
  sizeBytes: number;
  createdAtMs: number;
  open: boolean;
}
