// Original file: proto/strata/gateway/v1/topic_state.proto

import type {
  Position as _strata_gateway_v1_Position,
  Position__Output as _strata_gateway_v1_Position__Output,
} from '../../../strata/gateway/v1/Position.js';

export interface PartialAck {
  position?: _strata_gateway_v1_Position | null;
  batchSize?: number;
  acked?: Buffer | Uint8Array | string;
}

export interface PartialAck__Output {
  position: _strata_gateway_v1_Position__Output | null;
  batchSize: number;
  acked: Buffer;
}
