// Original file: proto/strata/gateway/v1/topic_state.proto

import type { Long } from '@grpc/proto-loader';

export interface Position {
  ledgerId?: number | string | Long;
  entryId?: number | string | Long;
}

export interface Position__Output {
  ledgerId: number;
  entryId: number;
}
