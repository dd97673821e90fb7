// Original file: proto/strata/v1/messaging.proto

export interface LookupRequest {
  topic?: string;
}

export interface LookupRequest__Output {
  topic: string;
}
