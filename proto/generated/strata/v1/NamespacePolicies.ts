// Original file: proto/strata/v1/admin.proto

import type {
  PersistencePolicy as _strata_v1_PersistencePolicy,
  PersistencePolicy__Output as _strata_v1_PersistencePolicy__Output,
} from '../../strata/v1/PersistencePolicy.js';

export interface NamespacePolicies {
  persistence?: _strata_v1_PersistencePolicy | null;
}

export interface NamespacePolicies__Output {
  persistence: _strata_v1_PersistencePolicy__Output | null;
}
