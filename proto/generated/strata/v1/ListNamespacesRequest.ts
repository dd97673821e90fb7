// Original file: proto/strata/v1/admin.proto

export interface ListNamespacesRequest {
  tenant?: string;
}

export interface ListNamespacesRequest__Output {
  tenant: string;
}
