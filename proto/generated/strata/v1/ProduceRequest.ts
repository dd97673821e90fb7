// Original file: proto/strata/v1/messaging.proto

import type {
  ProducerOpen as _strata_v1_ProducerOpen,
  ProducerOpen__Output as _strata_v1_ProducerOpen__Output,
} from '../../strata/v1/ProducerOpen.js';
import type {
  SendBatch as _strata_v1_SendBatch,
  SendBatch__Output as _strata_v1_SendBatch__Output,
} from '../../strata/v1/SendBatch.js';

export interface ProduceRequest {
  open?: _strata_v1_ProducerOpen | null;
  send?: _strata_v1_SendBatch | null;
  request?: 'open' | 'send';
}

export interface ProduceRequest__Output {
  open?: _strata_v1_ProducerOpen__Output | null;
  send?: _strata_v1_SendBatch__Output | null;
  request?: 'open' | 'send';
}
