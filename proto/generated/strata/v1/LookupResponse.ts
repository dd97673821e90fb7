// Original file: proto/strata/v1/messaging.proto

export interface LookupResponse {
  ownerAddress?: string;
  topic?: string;
}

export interface LookupResponse__Output {
  ownerAddress: string;
  topic: string;
}
