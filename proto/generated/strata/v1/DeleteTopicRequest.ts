// Original file: proto/strata/v1/admin.proto

export interface DeleteTopicRequest {
  topic?: string;
  force?: boolean;
}

export interface DeleteTopicRequest__Output {
  topic: string;
  force: boolean;
}
