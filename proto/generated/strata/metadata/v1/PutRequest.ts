// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  Expectation as _strata_metadata_v1_Expectation,
  Expectation__Output as _strata_metadata_v1_Expectation__Output,
} from '../../../strata/metadata/v1/Expectation.js';
import type { Long } from '@grpc/proto-loader';

export interface PutRequest {
  key?: string;
  value?: Buffer | Uint8Array | string;
  expect?: _strata_metadata_v1_Expectation | null;
  lease?: number | string | Long;
}

export interface PutRequest__Output {
  key: string;
  value: Buffer;
  expect: _strata_metadata_v1_Expectation__Output | null;
  lease: number;
}
