// Original file: proto/strata/storage/v1/storage.proto

export interface DeleteLedgerResponse {
  existed?: boolean;
}

export interface DeleteLedgerResponse__Output {
  existed: boolean;
}
