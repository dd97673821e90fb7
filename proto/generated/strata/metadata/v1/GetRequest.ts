// Original file: proto/strata/metadata/v1/metadata.proto

export interface GetRequest {
  key?: string;
}

export interface GetRequest__Output {
  key: string;
}
