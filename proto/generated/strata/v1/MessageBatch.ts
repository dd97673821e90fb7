// Original file: proto/strata/v1/messaging.proto

import type {
  Message as _strata_v1_Message,
  Message__Output as _strata_v1_Message__Output,
} from '../../strata/v1/Message.js';

export interface MessageBatch {
  messages?: _strata_v1_Message[];
}

export interface MessageBatch__Output {
  messages: _strata_v1_Message__Output[];
}
