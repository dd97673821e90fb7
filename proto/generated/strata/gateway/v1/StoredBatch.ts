// Original file: proto/strata/gateway/v1/stored_batch.proto

import type { Long } from '@grpc/proto-loader';

export interface StoredBatch {
  publishTimeMs?: number | string | Long;
  producerName?: string;
  firstSequenceId?: number | string | Long;
  messageCount?: number;
  batch?: Buffer | Uint8Array | string;
  key?: string;
}

export interface StoredBatch__Output {
  publishTimeMs: number;
  producerName: string;
  firstSequenceId: number;
  messageCount: number;
  batch: Buffer;
  key: string;
}
