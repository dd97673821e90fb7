// Original file: proto/strata/v1/messaging.proto

export interface Subscribed {
  consumerName?: string;
  active?: boolean;
  entryAcks?: boolean;
}

export interface Subscribed__Output {
  consumerName: string;
  active: boolean;
  entryAcks: boolean;
}
