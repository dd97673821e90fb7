// Original file: proto/strata/v1/admin.proto

export interface ListTenantsRequest {}

export interface ListTenantsRequest__Output {}
