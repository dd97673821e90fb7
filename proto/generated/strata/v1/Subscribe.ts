// Original file: proto/strata/v1/messaging.proto

import type {
  SubscriptionType as _strata_v1_SubscriptionType,
  SubscriptionType__Output as _strata_v1_SubscriptionType__Output,
} from '../../strata/v1/SubscriptionType.js';
import type {
  InitialPosition as _strata_v1_InitialPosition,
  InitialPosition__Output as _strata_v1_InitialPosition__Output,
} from '../../strata/v1/InitialPosition.js';

export interface Subscribe {
  topic?: string;
  subscription?: string;
  type?: _strata_v1_SubscriptionType;
  initialPosition?: _strata_v1_InitialPosition;
  consumerName?: string;
  ackTimeoutMs?: number;
  nackRedeliveryDelayMs?: number;
}

export interface Subscribe__Output {
  topic: string;
  subscription: string;
  type: _strata_v1_SubscriptionType__Output;
  initialPosition: _strata_v1_InitialPosition__Output;
  consumerName: string;
  ackTimeoutMs: number;
  nackRedeliveryDelayMs: number;
}
