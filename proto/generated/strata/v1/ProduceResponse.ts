// Original file: proto/strata/v1/messaging.proto

import type {
  ProducerOpened as _strata_v1_ProducerOpened,
  ProducerOpened__Output as _strata_v1_ProducerOpened__Output,
} from '../../strata/v1/ProducerOpened.js';
import type {
  SendReceipt as _strata_v1_SendReceipt,
  SendReceipt__Output as _strata_v1_SendReceipt__Output,
} from '../../strata/v1/SendReceipt.js';
import type {
  SendError as _strata_v1_SendError,
  SendError__Output as _strata_v1_SendError__Output,
} from '../../strata/v1/SendError.js';

export interface ProduceResponse {
  opened?: _strata_v1_ProducerOpened | null;
  receipt?: _strata_v1_SendReceipt | null;
  error?: _strata_v1_SendError | null;
  response?: 'opened' | 'receipt' | 'error';
}

export interface ProduceResponse__Output {
  opened?: _strata_v1_ProducerOpened__Output | null;
  receipt?: _strata_v1_SendReceipt__Output | null;
  error?: _strata_v1_SendError__Output | null;
  response?: 'opened' | 'receipt' | 'error';
}
