// Original file: proto/strata/metadata/v1/metadata_storage.proto

import type { Long } from '@grpc/proto-loader';

export interface StoredKey {
  value?: Buffer | Uint8Array | string;
  version?: number | string | Long;
  createRevision?: number | string | Long;
  lease?: number | string | Long;
}

export interface StoredKey__Output {
  value: Buffer;
  version: number;
  createRevision: number;
  lease: number;
}
