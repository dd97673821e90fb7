// Original file: proto/strata/v1/messaging.proto

import type { Long } from '@grpc/proto-loader';

export interface SendError {
  requestId?: number | string | Long;
  code?: string;
  message?: string;
  retriable?: boolean;
}

export interface SendError__Output {
  requestId: number;
  code: string;
  message: string;
  retriable: boolean;
}
