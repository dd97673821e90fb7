// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface KeyValue {
  key?: string;
  value?: Buffer | Uint8Array | string;
  version?: number | string | Long;
  createRevision?: number | string | Long;
  lease?: number | string | Long;
}

export interface KeyValue__Output {
  key: string;
  value: Buffer;
  version: number;
  createRevision: number;
  lease: number;
}
