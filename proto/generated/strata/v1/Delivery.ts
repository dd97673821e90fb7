// Original file: proto/strata/v1/messaging.proto

import type {
  MessageId as _strata_v1_MessageId,
  MessageId__Output as _strata_v1_MessageId__Output,
} from '../../strata/v1/MessageId.js';
import type { Long } from '@grpc/proto-loader';

export interface Delivery {
  id?: _strata_v1_MessageId | null;
  batch?: Buffer | Uint8Array | string;
  messageCount?: number;
  publishTimeMs?: number | string | Long;
  producerName?: string;
  redeliveryCount?: number;
  ackedIndexes?: number[];
}

export interface Delivery__Output {
  id: _strata_v1_MessageId__Output | null;
  batch: Buffer;
  messageCount: number;
  publishTimeMs: number;
  producerName: string;
  redeliveryCount: number;
  ackedIndexes: number[];
}
