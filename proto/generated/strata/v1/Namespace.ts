// Original file: proto/strata/v1/admin.proto

import type {
  NamespacePolicies as _strata_v1_NamespacePolicies,
  NamespacePolicies__Output as _strata_v1_NamespacePolicies__Output,
} from '../../strata/v1/NamespacePolicies.js';
import type { Long } from '@grpc/proto-loader';

export interface Namespace {
  name?: string;
  policies?: _strata_v1_NamespacePolicies | null;
  createdAtMs?: number | string | Long;
}

export interface Namespace__Output {
  name: string;
  policies: _strata_v1_NamespacePolicies__Output | null;
  createdAtMs: number;
}
