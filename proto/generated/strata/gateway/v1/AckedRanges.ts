// Original file: proto/strata/gateway/v1/topic_state.proto

import type { Long } from '@grpc/proto-loader';

export interface AckedRanges {
  ledgerId?: number | string | Long;
  ranges?: Buffer | Uint8Array | string;
}

export interface AckedRanges__Output {
  ledgerId: number;
  ranges: Buffer;
}
