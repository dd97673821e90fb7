// Original file: proto/strata/v1/admin.proto

import type {
  ProducerStats as _strata_v1_ProducerStats,
  ProducerStats__Output as _strata_v1_ProducerStats__Output,
} from '../../strata/v1/ProducerStats.js';
import type {
  SubscriptionStats as _strata_v1_SubscriptionStats,
  SubscriptionStats__Output as _strata_v1_SubscriptionStats__Output,
} from '../../strata/v1/SubscriptionStats.js';
import type {
  LedgerStats as _strata_v1_LedgerStats,
  LedgerStats__Output as _strata_v1_LedgerStats__Output,
} from '../../strata/v1/LedgerStats.js';
import type {
  TopicStats as _strata_v1_TopicStats,
  TopicStats__Output as _strata_v1_TopicStats__Output,
} from '../../strata/v1/TopicStats.js';
import type { Long } from '@grpc/proto-loader';

export interface TopicStats {
  topic?: string;
  owner?: string;
  msgRateIn?: number | string;
  msgThroughputIn?: number | string;
  msgRateOut?: number | string;
  msgThroughputOut?: number | string;
  entries?: number | string | Long;
  storageSizeBytes?: number | string | Long;
  backlogEntries?: number | string | Long;
  producers?: _strata_v1_ProducerStats[];
  subscriptions?: _strata_v1_SubscriptionStats[];
  ledgers?: _strata_v1_LedgerStats[];
  partitions?: number;
  partitionStats?: _strata_v1_TopicStats[];
}

export interface TopicStats__Output {
  topic: string;
  owner: string;
  msgRateIn: number;
  msgThroughputIn: number;
  msgRateOut: number;
  msgThroughputOut: number;
  entries: number;
  storageSizeBytes: number;
  backlogEntries: number;
  producers: _strata_v1_ProducerStats__Output[];
  subscriptions: _strata_v1_SubscriptionStats__Output[];
  ledgers: _strata_v1_LedgerStats__Output[];
  partitions: number;
  partitionStats: _strata_v1_TopicStats__Output[];
}
