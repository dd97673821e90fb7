// Original file: proto/strata/v1/messaging.proto

export interface ActiveChange {
  active?: boolean;
}

export interface ActiveChange__Output {
  active: boolean;
}
