// Original file: proto/strata/v1/messaging.proto

import type { Long } from '@grpc/proto-loader';

export interface Message {
  payload?: Buffer | Uint8Array | string;
  key?: string;
  properties?: { [key: string]: string };
  eventTimeMs?: number | string | Long;
  sequenceId?: number | string | Long;
}

export interface Message__Output {
  payload: Buffer;
  key: string;
  properties: { [key: string]: string };
  eventTimeMs: number;
  sequenceId: number;
}
