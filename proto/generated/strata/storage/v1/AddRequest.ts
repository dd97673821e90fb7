// Original file: proto/strata/storage/v1/storage.proto

import type {
  Entry as _strata_storage_v1_Entry,
  Entry__Output as _strata_storage_v1_Entry__Output,
} from '../../../strata/storage/v1/Entry.js';

export interface AddRequest {
  entries?: _strata_storage_v1_Entry[];
  recovery?: boolean;
}

export interface AddRequest__Output {
  entries: _strata_storage_v1_Entry__Output[];
  recovery: boolean;
}
