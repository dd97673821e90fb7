// Original file: proto/strata/v1/admin.proto

export interface DeleteNamespaceRequest {
  name?: string;
}

export interface DeleteNamespaceRequest__Output {
  name: string;
}
