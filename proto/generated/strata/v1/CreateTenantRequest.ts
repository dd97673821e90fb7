// Original file: proto/strata/v1/admin.proto

export interface CreateTenantRequest {
  name?: string;
}

export interface CreateTenantRequest__Output {
  name: string;
}
