// Original file: proto/strata/v1/admin.proto

export interface GetTopicRequest {
  topic?: string;
}

export interface GetTopicRequest__Output {
  topic: string;
}
