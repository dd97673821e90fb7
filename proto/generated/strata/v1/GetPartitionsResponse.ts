// Original file: proto/strata/v1/messaging.proto

export interface GetPartitionsResponse {
  topic?: string;
  partitions?: number;
}

export interface GetPartitionsResponse__Output {
  topic: string;
  partitions: number;
}
