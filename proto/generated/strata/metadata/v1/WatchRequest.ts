// Original file: proto/strata/metadata/v1/metadata.proto

import type { Long } from '@grpc/proto-loader';

export interface WatchRequest {
  prefix?: string;
  fromRevision?: number | string | Long;
}

export interface WatchRequest__Output {
  prefix: string;
  fromRevision: number;
}
