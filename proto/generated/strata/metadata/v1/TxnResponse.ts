// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  OpResult as _strata_metadata_v1_OpResult,
  OpResult__Output as _strata_metadata_v1_OpResult__Output,
} from '../../../strata/metadata/v1/OpResult.js';
import type { Long } from '@grpc/proto-loader';

export interface TxnResponse {
  revision?: number | string | Long;
  results?: _strata_metadata_v1_OpResult[];
}

export interface TxnResponse__Output {
  revision: number;
  results: _strata_metadata_v1_OpResult__Output[];
}
