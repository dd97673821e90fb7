import type {
  ClusterInitRecord,
  ClusterInitRecord__Output,
} from '../../proto/generated/strata/gateway/v1/ClusterInitRecord.js';
import type {
  NamespaceRecord,
  NamespaceRecord__Output,
} from '../../proto/generated/strata/gateway/v1/NamespaceRecord.js';
import type {
  PartitionedTopicRecord,
  PartitionedTopicRecord__Output,
} from '../../proto/generated/strata/gateway/v1/PartitionedTopicRecord.js';
import type {
  TenantRecord,
  TenantRecord__Output,
} from '../../proto/generated/strata/gateway/v1/TenantRecord.js';
import { loadMessageCodec } from '../../proto/load.js';

const FILE = 'strata/gateway/v1/catalog.proto';

export const tenantCodec = loadMessageCodec<TenantRecord, TenantRecord__Output>(
  FILE,
  'strata.gateway.v1.TenantRecord',
);
export const namespaceCodec = loadMessageCodec<NamespaceRecord, NamespaceRecord__Output>(
  FILE,
  'strata.gateway.v1.NamespaceRecord',
);
export const partitionedTopicCodec = loadMessageCodec<
  PartitionedTopicRecord,
  PartitionedTopicRecord__Output
>(FILE, 'strata.gateway.v1.PartitionedTopicRecord');
export const clusterInitCodec = loadMessageCodec<ClusterInitRecord, ClusterInitRecord__Output>(
  FILE,
  'strata.gateway.v1.ClusterInitRecord',
);
