// Original file: proto/strata/v1/admin.proto

export interface PersistencePolicy {
  ensembleSize?: number;
  writeQuorum?: number;
  ackQuorum?: number;
}

export interface PersistencePolicy__Output {
  ensembleSize: number;
  writeQuorum: number;
  ackQuorum: number;
}
