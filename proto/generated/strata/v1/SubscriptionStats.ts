// Original file: proto/strata/v1/admin.proto

import type {
  ConsumerStats as _strata_v1_ConsumerStats,
  ConsumerStats__Output as _strata_v1_ConsumerStats__Output,
} from '../../strata/v1/ConsumerStats.js';
import type { Long } from '@grpc/proto-loader';

export interface SubscriptionStats {
  name?: string;
  type?: string;
  backlogEntries?: number | string | Long;
  markDeletePosition?: string;
  msgRateOut?: number | string;
  msgThroughputOut?: number | string;
  consumers?: _strata_v1_ConsumerStats[];
}

export interface SubscriptionStats__Output {
  name: string;
  type: string;
  backlogEntries: number;
  markDeletePosition: string;
  msgRateOut: number;
  msgThroughputOut: number;
  consumers: _strata_v1_ConsumerStats__Output[];
}
