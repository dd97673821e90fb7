// Original file: proto/strata/v1/admin.proto

export interface ListTenantsResponse {
  tenants?: string[];
}

export interface ListTenantsResponse__Output {
  tenants: string[];
}
