// Original file: proto/strata/storage/v1/storage.proto

import type {
  AddResult as _strata_storage_v1_AddResult,
  AddResult__Output as _strata_storage_v1_AddResult__Output,
} from '../../../strata/storage/v1/AddResult.js';

export interface AddResponse {
  results?: _strata_storage_v1_AddResult[];
}

export interface AddResponse__Output {
  results: _strata_storage_v1_AddResult__Output[];
}
