// Original file: proto/strata/v1/admin.proto

export interface CreateTopicRequest {
  topic?: string;
  partitions?: number;
}

export interface CreateTopicRequest__Output {
  topic: string;
  partitions: number;
}
