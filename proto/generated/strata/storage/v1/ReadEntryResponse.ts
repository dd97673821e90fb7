// Original file: proto/strata/storage/v1/storage.proto

import type {
  ReadStatus as _strata_storage_v1_ReadStatus,
  ReadStatus__Output as _strata_storage_v1_ReadStatus__Output,
} from '../../../strata/storage/v1/ReadStatus.js';
import type {
  Entry as _strata_storage_v1_Entry,
  Entry__Output as _strata_storage_v1_Entry__Output,
} from '../../../strata/storage/v1/Entry.js';

export interface ReadEntryResponse {
  status?: _strata_storage_v1_ReadStatus;
  entry?: _strata_storage_v1_Entry | null;
}

export interface ReadEntryResponse__Output {
  status: _strata_storage_v1_ReadStatus__Output;
  entry: _strata_storage_v1_Entry__Output | null;
}
