// Original file: proto/strata/v1/admin.proto

export interface DeleteNamespaceResponse {}

export interface DeleteNamespaceResponse__Output {}
