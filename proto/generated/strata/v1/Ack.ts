// Original file: proto/strata/v1/messaging.proto

import type {
  MessageId as _strata_v1_MessageId,
  MessageId__Output as _strata_v1_MessageId__Output,
} from '../../strata/v1/MessageId.js';
import type {
  EntryAcks as _strata_v1_EntryAcks,
  EntryAcks__Output as _strata_v1_EntryAcks__Output,
} from '../../strata/v1/EntryAcks.js';

export interface Ack {
  ids?: _strata_v1_MessageId[];
  cumulative?: boolean;
  entries?: _strata_v1_EntryAcks[];
}

export interface Ack__Output {
  ids: _strata_v1_MessageId__Output[];
  cumulative: boolean;
  entries: _strata_v1_EntryAcks__Output[];
}
