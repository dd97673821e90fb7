// Original file: proto/strata/v1/messaging.proto

import type {
  Subscribed as _strata_v1_Subscribed,
  Subscribed__Output as _strata_v1_Subscribed__Output,
} from '../../strata/v1/Subscribed.js';
import type {
  Delivery as _strata_v1_Delivery,
  Delivery__Output as _strata_v1_Delivery__Output,
} from '../../strata/v1/Delivery.js';
import type {
  ActiveChange as _strata_v1_ActiveChange,
  ActiveChange__Output as _strata_v1_ActiveChange__Output,
} from '../../strata/v1/ActiveChange.js';

export interface ConsumeResponse {
  subscribed?: _strata_v1_Subscribed | null;
  delivery?: _strata_v1_Delivery | null;
  activeChange?: _strata_v1_ActiveChange | null;
  response?: 'subscribed' | 'delivery' | 'activeChange';
}

export interface ConsumeResponse__Output {
  subscribed?: _strata_v1_Subscribed__Output | null;
  delivery?: _strata_v1_Delivery__Output | null;
  activeChange?: _strata_v1_ActiveChange__Output | null;
  response?: 'subscribed' | 'delivery' | 'activeChange';
}
