// Original file: proto/strata/v1/messaging.proto

export interface Flow {
  messages?: number;
}

export interface Flow__Output {
  messages: number;
}
