// Original file: proto/strata/v1/admin.proto

export interface GetNamespaceRequest {
  name?: string;
}

export interface GetNamespaceRequest__Output {
  name: string;
}
