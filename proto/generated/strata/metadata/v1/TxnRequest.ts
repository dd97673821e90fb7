// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  Check as _strata_metadata_v1_Check,
  Check__Output as _strata_metadata_v1_Check__Output,
} from '../../../strata/metadata/v1/Check.js';
import type {
  Op as _strata_metadata_v1_Op,
  Op__Output as _strata_metadata_v1_Op__Output,
} from '../../../strata/metadata/v1/Op.js';

export interface TxnRequest {
  checks?: _strata_metadata_v1_Check[];
  ops?: _strata_metadata_v1_Op[];
}

export interface TxnRequest__Output {
  checks: _strata_metadata_v1_Check__Output[];
  ops: _strata_metadata_v1_Op__Output[];
}
