// Original file: proto/strata/v1/messaging.proto

import type {
  Subscribe as _strata_v1_Subscribe,
  Subscribe__Output as _strata_v1_Subscribe__Output,
} from '../../strata/v1/Subscribe.js';
import type {
  Flow as _strata_v1_Flow,
  Flow__Output as _strata_v1_Flow__Output,
} from '../../strata/v1/Flow.js';
import type {
  Ack as _strata_v1_Ack,
  Ack__Output as _strata_v1_Ack__Output,
} from '../../strata/v1/Ack.js';
import type {
  Nack as _strata_v1_Nack,
  Nack__Output as _strata_v1_Nack__Output,
} from '../../strata/v1/Nack.js';

export interface ConsumeRequest {
  subscribe?: _strata_v1_Subscribe | null;
  flow?: _strata_v1_Flow | null;
  ack?: _strata_v1_Ack | null;
  nack?: _strata_v1_Nack | null;
  request?: 'subscribe' | 'flow' | 'ack' | 'nack';
}

export interface ConsumeRequest__Output {
  subscribe?: _strata_v1_Subscribe__Output | null;
  flow?: _strata_v1_Flow__Output | null;
  ack?: _strata_v1_Ack__Output | null;
  nack?: _strata_v1_Nack__Output | null;
  request?: 'subscribe' | 'flow' | 'ack' | 'nack';
}
