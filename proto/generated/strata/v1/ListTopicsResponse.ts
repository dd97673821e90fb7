// Original file: proto/strata/v1/admin.proto

import type {
  Topic as _strata_v1_Topic,
  Topic__Output as _strata_v1_Topic__Output,
} from '../../strata/v1/Topic.js';

export interface ListTopicsResponse {
  topics?: _strata_v1_Topic[];
}

export interface ListTopicsResponse__Output {
  topics: _strata_v1_Topic__Output[];
}
