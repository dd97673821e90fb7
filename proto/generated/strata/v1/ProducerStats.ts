// Original file: proto/strata/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

export interface ProducerStats {
  producerName?: string;
  address?: string;
  connectedSinceMs?: number | string | Long;
  msgRateIn?: number | string;
  msgThroughputIn?: number | string;
}

export interface ProducerStats__Output {
  producerName: string;
  address: string;
  connectedSinceMs: number;
  msgRateIn: number;
  msgThroughputIn: number;
}
