// Original file: proto/strata/v1/messaging.proto

import type { Long } from '@grpc/proto-loader';

export interface SendBatch {
  requestId?: number | string | Long;
  batch?: Buffer | Uint8Array | string;
  messageCount?: number;
  firstSequenceId?: number | string | Long;
  key?: string;
}

export interface SendBatch__Output {
  requestId: number;
  batch: Buffer;
  messageCount: number;
  firstSequenceId: number;
  key: string;
}
