// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  Expectation as _strata_metadata_v1_Expectation,
  Expectation__Output as _strata_metadata_v1_Expectation__Output,
} from '../../../strata/metadata/v1/Expectation.js';

export interface Check {
  key?: string;
  expect?: _strata_metadata_v1_Expectation | null;
}

export interface Check__Output {
  key: string;
  expect: _strata_metadata_v1_Expectation__Output | null;
}
