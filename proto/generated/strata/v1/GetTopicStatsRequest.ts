// Original file: proto/strata/v1/admin.proto

export interface GetTopicStatsRequest {
  topic?: string;
}

export interface GetTopicStatsRequest__Output {
  topic: string;
}
