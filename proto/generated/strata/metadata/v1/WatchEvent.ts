// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  EventType as _strata_metadata_v1_EventType,
  EventType__Output as _strata_metadata_v1_EventType__Output,
} from '../../../strata/metadata/v1/EventType.js';
import type {
  KeyValue as _strata_metadata_v1_KeyValue,
  KeyValue__Output as _strata_metadata_v1_KeyValue__Output,
} from '../../../strata/metadata/v1/KeyValue.js';

export interface WatchEvent {
  type?: _strata_metadata_v1_EventType;
  kv?: _strata_metadata_v1_KeyValue | null;
}

export interface WatchEvent__Output {
  type: _strata_metadata_v1_EventType__Output;
  kv: _strata_metadata_v1_KeyValue__Output | null;
}
