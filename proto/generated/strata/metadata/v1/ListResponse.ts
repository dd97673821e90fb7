// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  KeyValue as _strata_metadata_v1_KeyValue,
  KeyValue__Output as _strata_metadata_v1_KeyValue__Output,
} from '../../../strata/metadata/v1/KeyValue.js';
import type { Long } from '@grpc/proto-loader';

export interface ListResponse {
  kvs?: _strata_metadata_v1_KeyValue[];
  more?: boolean;
  revision?: number | string | Long;
}

export interface ListResponse__Output {
  kvs: _strata_metadata_v1_KeyValue__Output[];
  more: boolean;
  revision: number;
}
