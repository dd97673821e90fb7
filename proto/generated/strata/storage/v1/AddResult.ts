// Original file: proto/strata/storage/v1/storage.proto

import type {
  AddStatus as _strata_storage_v1_AddStatus,
  AddStatus__Output as _strata_storage_v1_AddStatus__Output,
} from '../../../strata/storage/v1/AddStatus.js';
import type { Long } from '@grpc/proto-loader';

export interface AddResult {
  ledgerId?: number | string | Long;
  entryId?: number | string | Long;
  status?: _strata_storage_v1_AddStatus;
  message?: string;
  requestId?: number | string | Long;
}

export interface AddResult__Output {
  ledgerId: number;
  entryId: number;
  status: _strata_storage_v1_AddStatus__Output;
  message: string;
  requestId: number;
}
