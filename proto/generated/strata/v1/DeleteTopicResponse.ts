// Original file: proto/strata/v1/admin.proto

export interface DeleteTopicResponse {}

export interface DeleteTopicResponse__Output {}
