// Original file: proto/strata/gateway/v1/topic_state.proto

import type {
  Position as _strata_gateway_v1_Position,
  Position__Output as _strata_gateway_v1_Position__Output,
} from '../../../strata/gateway/v1/Position.js';
import type {
  AckedRanges as _strata_gateway_v1_AckedRanges,
  AckedRanges__Output as _strata_gateway_v1_AckedRanges__Output,
} from '../../../strata/gateway/v1/AckedRanges.js';
import type {
  PartialAck as _strata_gateway_v1_PartialAck,
  PartialAck__Output as _strata_gateway_v1_PartialAck__Output,
} from '../../../strata/gateway/v1/PartialAck.js';
import type { Long } from '@grpc/proto-loader';

export interface CursorInfo {
  markDelete?: _strata_gateway_v1_Position | null;
  acked?: _strata_gateway_v1_AckedRanges[];
  partial?: _strata_gateway_v1_PartialAck[];
  updatedAtMs?: number | string | Long;
  deflated?: Buffer | Uint8Array | string;
}

export interface CursorInfo__Output {
  markDelete: _strata_gateway_v1_Position__Output | null;
  acked: _strata_gateway_v1_AckedRanges__Output[];
  partial: _strata_gateway_v1_PartialAck__Output[];
  updatedAtMs: number;
  deflated: Buffer;
}
