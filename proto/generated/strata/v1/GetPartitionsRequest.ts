// Original file: proto/strata/v1/messaging.proto

export interface GetPartitionsRequest {
  topic?: string;
}

export interface GetPartitionsRequest__Output {
  topic: string;
}
