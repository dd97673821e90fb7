// Original file: proto/strata/gateway/v1/ownership.proto

import type { Long } from '@grpc/proto-loader';

export interface GatewayRegistration {
  gatewayId?: string;
  address?: string;
  httpAddress?: string;
  ownedTopics?: number;
  startedAtMs?: number | string | Long;
}

export interface GatewayRegistration__Output {
  gatewayId: string;
  address: string;
  httpAddress: string;
  ownedTopics: number;
  startedAtMs: number;
}
