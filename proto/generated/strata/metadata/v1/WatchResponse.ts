// Original file: proto/strata/metadata/v1/metadata.proto

import type {
  WatchEvent as _strata_metadata_v1_WatchEvent,
  WatchEvent__Output as _strata_metadata_v1_WatchEvent__Output,
} from '../../../strata/metadata/v1/WatchEvent.js';
import type { Long } from '@grpc/proto-loader';

export interface WatchResponse {
  created?: boolean;
  revision?: number | string | Long;
  events?: _strata_metadata_v1_WatchEvent[];
}

export interface WatchResponse__Output {
  created: boolean;
  revision: number;
  events: _strata_metadata_v1_WatchEvent__Output[];
}
