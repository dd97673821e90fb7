// Original file: proto/strata/v1/admin.proto

export interface ListNamespacesResponse {
  namespaces?: string[];
}

export interface ListNamespacesResponse__Output {
  namespaces: string[];
}
