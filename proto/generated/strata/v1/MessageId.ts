// Original file: proto/strata/v1/messaging.proto

import type { Long } from '@grpc/proto-loader';

export interface MessageId {
  ledgerId?: number | string | Long;
  entryId?: number | string | Long;
  batchIndex?: number;
  partition?: number;
}

export interface MessageId__Output {
  ledgerId: number;
  entryId: number;
  batchIndex: number;
  partition: number;
}
