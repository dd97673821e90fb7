// Original file: proto/strata/v1/admin.proto

import type {
  NamespacePolicies as _strata_v1_NamespacePolicies,
  NamespacePolicies__Output as _strata_v1_NamespacePolicies__Output,
} from '../../strata/v1/NamespacePolicies.js';

export interface SetNamespacePoliciesRequest {
  name?: string;
  policies?: _strata_v1_NamespacePolicies | null;
}

export interface SetNamespacePoliciesRequest__Output {
  name: string;
  policies: _strata_v1_NamespacePolicies__Output | null;
}
