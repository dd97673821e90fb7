// Original file: proto/strata/v1/admin.proto

export interface DeleteTenantRequest {
  name?: string;
}

export interface DeleteTenantRequest__Output {
  name: string;
}
