// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  PutOp as _strata_metadata_v1_PutOp,
  PutOp__Output as _strata_metadata_v1_PutOp__Output,
} from '../../../strata/metadata/v1/PutOp.js';
import type {
  DeleteOp as _strata_metadata_v1_DeleteOp,
  DeleteOp__Output as _strata_metadata_v1_DeleteOp__Output,
} from '../../../strata/metadata/v1/DeleteOp.js';

export interface Op {
  put?: _strata_metadata_v1_PutOp | null;
  delete?: _strata_metadata_v1_DeleteOp | null;
  op?: 'put' | 'delete';
}

export interface Op__Output {
  put?: _strata_metadata_v1_PutOp__Output | null;
  delete?: _strata_metadata_v1_DeleteOp__Output | null;
  op?: 'put' | 'delete';
}
