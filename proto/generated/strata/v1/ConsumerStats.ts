// Original file: proto/strata/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

export interface ConsumerStats {
  consumerName?: string;
  address?: string;
  connectedSinceMs?: number | string | Long;
  permits?: number;
  unackedEntries?: number;
  msgRateOut?: number | string;
  active?: boolean;
}

export interface ConsumerStats__Output {
  consumerName: string;
  address: string;
  connectedSinceMs: number;
  permits: number;
  unackedEntries: number;
  msgRateOut: number;
  active: boolean;
}
