// Original file: proto/strata/metadata/v1/metadata.proto

export interface ListRequest {
  prefix?: string;
  startAfter?: string;
  limit?: number;
}

export interface ListRequest__Output {
  prefix: string;
  startAfter: string;
  limit: number;
}
