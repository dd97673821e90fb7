// Original file: proto/strata/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

export interface Tenant {
  name?: string;
  createdAtMs?: number | string | Long;
}

export interface Tenant__Output {
  name: string;
  createdAtMs: number;
}
