// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  KeyValue as _strata_metadata_v1_KeyValue,
  KeyValue__Output as _strata_metadata_v1_KeyValue__Output,
} from '../../../strata/metadata/v1/KeyValue.js';
import type { Long } from '@grpc/proto-loader';

export interface GetResponse {
  kv?: _strata_metadata_v1_KeyValue | null;
  revision?: number | string | Long;
}

export interface GetResponse__Output {
  kv: _strata_metadata_v1_KeyValue__Output | null;
  revision: number;
}
