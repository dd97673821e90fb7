// Original file: proto/strata/storage/v1/ledger_metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface StorageNodeRegistration {
  nodeId?: string;
  address?: string;
  freeBytes?: number | string | Long;
  readOnly?: boolean;
  startedAtMs?: number | string | Long;
}

export interface StorageNodeRegistration__Output {
  nodeId: string;
  address: string;
  freeBytes: number;
  readOnly: boolean;
  startedAtMs: number;
}
