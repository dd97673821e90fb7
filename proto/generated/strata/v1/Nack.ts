// Original file: proto/strata/v1/messaging.proto

import type {
  MessageId as _strata_v1_MessageId,
  MessageId__Output as _strata_v1_MessageId__Output,
} from '../../strata/v1/MessageId.js';

export interface Nack {
  ids?: _strata_v1_MessageId[];
  release?: boolean;
}

export interface Nack__Output {
  ids: _strata_v1_MessageId__Output[];
  release: boolean;
}
