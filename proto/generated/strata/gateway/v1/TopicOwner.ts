// Original file: proto/strata/gateway/v1/ownership.proto

import type { Long } from '@grpc/proto-loader';

export interface TopicOwner {
  gatewayId?: string;
  address?: string;
  claimedAtMs?: number | string | Long;
}

export interface TopicOwner__Output {
  gatewayId: string;
  address: string;
  claimedAtMs: number;
}
