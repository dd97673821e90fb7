// Original file: proto/strata/v1/messaging.proto

import type {
  MessageId as _strata_v1_MessageId,
  MessageId__Output as _strata_v1_MessageId__Output,
} from '../../strata/v1/MessageId.js';
import type { Long } from '@grpc/proto-loader';

export interface SendReceipt {
  requestId?: number | string | Long;
  first?: _strata_v1_MessageId | null;
  messageCount?: number;
  publishTimeMs?: number | string | Long;
}

export interface SendReceipt__Output {
  requestId: number;
  first: _strata_v1_MessageId__Output | null;
  messageCount: number;
  publishTimeMs: number;
}
