import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  ClusterInitRecord as _strata_gateway_v1_ClusterInitRecord,
  ClusterInitRecord__Output as _strata_gateway_v1_ClusterInitRecord__Output,
} from './strata/gateway/v1/ClusterInitRecord.js';
import type {
  NamespaceRecord as _strata_gateway_v1_NamespaceRecord,
  NamespaceRecord__Output as _strata_gateway_v1_NamespaceRecord__Output,
} from './strata/gateway/v1/NamespaceRecord.js';
import type {
  PartitionedTopicRecord as _strata_gateway_v1_PartitionedTopicRecord,
  PartitionedTopicRecord__Output as _strata_gateway_v1_PartitionedTopicRecord__Output,
} from './strata/gateway/v1/PartitionedTopicRecord.js';
import type {
  TenantRecord as _strata_gateway_v1_TenantRecord,
  TenantRecord__Output as _strata_gateway_v1_TenantRecord__Output,
} from './strata/gateway/v1/TenantRecord.js';
import type {
  AdminClient as _strata_v1_AdminClient,
  AdminDefinition as _strata_v1_AdminDefinition,
} from './strata/v1/Admin.js';
import type {
  ConsumerStats as _strata_v1_ConsumerStats,
  ConsumerStats__Output as _strata_v1_ConsumerStats__Output,
} from './strata/v1/ConsumerStats.js';
import type {
  CreateNamespaceRequest as _strata_v1_CreateNamespaceRequest,
  CreateNamespaceRequest__Output as _strata_v1_CreateNamespaceRequest__Output,
} from './strata/v1/CreateNamespaceRequest.js';
import type {
  CreateTenantRequest as _strata_v1_CreateTenantRequest,
  CreateTenantRequest__Output as _strata_v1_CreateTenantRequest__Output,
} from './strata/v1/CreateTenantRequest.js';
import type {
  CreateTopicRequest as _strata_v1_CreateTopicRequest,
  CreateTopicRequest__Output as _strata_v1_CreateTopicRequest__Output,
} from './strata/v1/CreateTopicRequest.js';
import type {
  DeleteNamespaceRequest as _strata_v1_DeleteNamespaceRequest,
  DeleteNamespaceRequest__Output as _strata_v1_DeleteNamespaceRequest__Output,
} from './strata/v1/DeleteNamespaceRequest.js';
import type {
  DeleteNamespaceResponse as _strata_v1_DeleteNamespaceResponse,
  DeleteNamespaceResponse__Output as _strata_v1_DeleteNamespaceResponse__Output,
} from './strata/v1/DeleteNamespaceResponse.js';
import type {
  DeleteTenantRequest as _strata_v1_DeleteTenantRequest,
  DeleteTenantRequest__Output as _strata_v1_DeleteTenantRequest__Output,
} from './strata/v1/DeleteTenantRequest.js';
import type {
  DeleteTenantResponse as _strata_v1_DeleteTenantResponse,
  DeleteTenantResponse__Output as _strata_v1_DeleteTenantResponse__Output,
} from './strata/v1/DeleteTenantResponse.js';
import type {
  DeleteTopicRequest as _strata_v1_DeleteTopicRequest,
  DeleteTopicRequest__Output as _strata_v1_DeleteTopicRequest__Output,
} from './strata/v1/DeleteTopicRequest.js';
import type {
  DeleteTopicResponse as _strata_v1_DeleteTopicResponse,
  DeleteTopicResponse__Output as _strata_v1_DeleteTopicResponse__Output,
} from './strata/v1/DeleteTopicResponse.js';
import type {
  GetNamespaceRequest as _strata_v1_GetNamespaceRequest,
  GetNamespaceRequest__Output as _strata_v1_GetNamespaceRequest__Output,
} from './strata/v1/GetNamespaceRequest.js';
import type {
  GetTopicRequest as _strata_v1_GetTopicRequest,
  GetTopicRequest__Output as _strata_v1_GetTopicRequest__Output,
} from './strata/v1/GetTopicRequest.js';
import type {
  GetTopicStatsRequest as _strata_v1_GetTopicStatsRequest,
  GetTopicStatsRequest__Output as _strata_v1_GetTopicStatsRequest__Output,
} from './strata/v1/GetTopicStatsRequest.js';
import type {
  LedgerStats as _strata_v1_LedgerStats,
  LedgerStats__Output as _strata_v1_LedgerStats__Output,
} from './strata/v1/LedgerStats.js';
import type {
  ListNamespacesRequest as _strata_v1_ListNamespacesRequest,
  ListNamespacesRequest__Output as _strata_v1_ListNamespacesRequest__Output,
} from './strata/v1/ListNamespacesRequest.js';
import type {
  ListNamespacesResponse as _strata_v1_ListNamespacesResponse,
  ListNamespacesResponse__Output as _strata_v1_ListNamespacesResponse__Output,
} from './strata/v1/ListNamespacesResponse.js';
import type {
  ListTenantsRequest as _strata_v1_ListTenantsRequest,
  ListTenantsRequest__Output as _strata_v1_ListTenantsRequest__Output,
} from './strata/v1/ListTenantsRequest.js';
import type {
  ListTenantsResponse as _strata_v1_ListTenantsResponse,
  ListTenantsResponse__Output as _strata_v1_ListTenantsResponse__Output,
} from './strata/v1/ListTenantsResponse.js';
import type {
  ListTopicsRequest as _strata_v1_ListTopicsRequest,
  ListTopicsRequest__Output as _strata_v1_ListTopicsRequest__Output,
} from './strata/v1/ListTopicsRequest.js';
import type {
  ListTopicsResponse as _strata_v1_ListTopicsResponse,
  ListTopicsResponse__Output as _strata_v1_ListTopicsResponse__Output,
} from './strata/v1/ListTopicsResponse.js';
import type {
  Namespace as _strata_v1_Namespace,
  Namespace__Output as _strata_v1_Namespace__Output,
} from './strata/v1/Namespace.js';
import type {
  NamespacePolicies as _strata_v1_NamespacePolicies,
  NamespacePolicies__Output as _strata_v1_NamespacePolicies__Output,
} from './strata/v1/NamespacePolicies.js';
import type {
  PersistencePolicy as _strata_v1_PersistencePolicy,
  PersistencePolicy__Output as _strata_v1_PersistencePolicy__Output,
} from './strata/v1/PersistencePolicy.js';
import type {
  ProducerStats as _strata_v1_ProducerStats,
  ProducerStats__Output as _strata_v1_ProducerStats__Output,
} from './strata/v1/ProducerStats.js';
import type {
  SetNamespacePoliciesRequest as _strata_v1_SetNamespacePoliciesRequest,
  SetNamespacePoliciesRequest__Output as _strata_v1_SetNamespacePoliciesRequest__Output,
} from './strata/v1/SetNamespacePoliciesRequest.js';
import type {
  SubscriptionStats as _strata_v1_SubscriptionStats,
  SubscriptionStats__Output as _strata_v1_SubscriptionStats__Output,
} from './strata/v1/SubscriptionStats.js';
import type {
  Tenant as _strata_v1_Tenant,
  Tenant__Output as _strata_v1_Tenant__Output,
} from './strata/v1/Tenant.js';
import type {
  Topic as _strata_v1_Topic,
  Topic__Output as _strata_v1_Topic__Output,
} from './strata/v1/Topic.js';
import type {
  TopicStats as _strata_v1_TopicStats,
  TopicStats__Output as _strata_v1_TopicStats__Output,
} from './strata/v1/TopicStats.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    gateway: {
      v1: {
        ClusterInitRecord: MessageTypeDefinition<
          _strata_gateway_v1_ClusterInitRecord,
          _strata_gateway_v1_ClusterInitRecord__Output
        >;
        NamespaceRecord: MessageTypeDefinition<
          _strata_gateway_v1_NamespaceRecord,
          _strata_gateway_v1_NamespaceRecord__Output
        >;
        PartitionedTopicRecord: MessageTypeDefinition<
          _strata_gateway_v1_PartitionedTopicRecord,
          _strata_gateway_v1_PartitionedTopicRecord__Output
        >;
        TenantRecord: MessageTypeDefinition<
          _strata_gateway_v1_TenantRecord,
          _strata_gateway_v1_TenantRecord__Output
        >;
      };
    };
    v1: {
      Admin: SubtypeConstructor<typeof grpc.Client, _strata_v1_AdminClient> & {
        service: _strata_v1_AdminDefinition;
      };
      ConsumerStats: MessageTypeDefinition<
        _strata_v1_ConsumerStats,
        _strata_v1_ConsumerStats__Output
      >;
      CreateNamespaceRequest: MessageTypeDefinition<
        _strata_v1_CreateNamespaceRequest,
        _strata_v1_CreateNamespaceRequest__Output
      >;
      CreateTenantRequest: MessageTypeDefinition<
        _strata_v1_CreateTenantRequest,
        _strata_v1_CreateTenantRequest__Output
      >;
      CreateTopicRequest: MessageTypeDefinition<
        _strata_v1_CreateTopicRequest,
        _strata_v1_CreateTopicRequest__Output
      >;
      DeleteNamespaceRequest: MessageTypeDefinition<
        _strata_v1_DeleteNamespaceRequest,
        _strata_v1_DeleteNamespaceRequest__Output
      >;
      DeleteNamespaceResponse: MessageTypeDefinition<
        _strata_v1_DeleteNamespaceResponse,
        _strata_v1_DeleteNamespaceResponse__Output
      >;
      DeleteTenantRequest: MessageTypeDefinition<
        _strata_v1_DeleteTenantRequest,
        _strata_v1_DeleteTenantRequest__Output
      >;
      DeleteTenantResponse: MessageTypeDefinition<
        _strata_v1_DeleteTenantResponse,
        _strata_v1_DeleteTenantResponse__Output
      >;
      DeleteTopicRequest: MessageTypeDefinition<
        _strata_v1_DeleteTopicRequest,
        _strata_v1_DeleteTopicRequest__Output
      >;
      DeleteTopicResponse: MessageTypeDefinition<
        _strata_v1_DeleteTopicResponse,
        _strata_v1_DeleteTopicResponse__Output
      >;
      GetNamespaceRequest: MessageTypeDefinition<
        _strata_v1_GetNamespaceRequest,
        _strata_v1_GetNamespaceRequest__Output
      >;
      GetTopicRequest: MessageTypeDefinition<
        _strata_v1_GetTopicRequest,
        _strata_v1_GetTopicRequest__Output
      >;
      GetTopicStatsRequest: MessageTypeDefinition<
        _strata_v1_GetTopicStatsRequest,
        _strata_v1_GetTopicStatsRequest__Output
      >;
      LedgerStats: MessageTypeDefinition<_strata_v1_LedgerStats, _strata_v1_LedgerStats__Output>;
      ListNamespacesRequest: MessageTypeDefinition<
        _strata_v1_ListNamespacesRequest,
        _strata_v1_ListNamespacesRequest__Output
      >;
      ListNamespacesResponse: MessageTypeDefinition<
        _strata_v1_ListNamespacesResponse,
        _strata_v1_ListNamespacesResponse__Output
      >;
      ListTenantsRequest: MessageTypeDefinition<
        _strata_v1_ListTenantsRequest,
        _strata_v1_ListTenantsRequest__Output
      >;
      ListTenantsResponse: MessageTypeDefinition<
        _strata_v1_ListTenantsResponse,
        _strata_v1_ListTenantsResponse__Output
      >;
      ListTopicsRequest: MessageTypeDefinition<
        _strata_v1_ListTopicsRequest,
        _strata_v1_ListTopicsRequest__Output
      >;
      ListTopicsResponse: MessageTypeDefinition<
        _strata_v1_ListTopicsResponse,
        _strata_v1_ListTopicsResponse__Output
      >;
      Namespace: MessageTypeDefinition<_strata_v1_Namespace, _strata_v1_Namespace__Output>;
      NamespacePolicies: MessageTypeDefinition<
        _strata_v1_NamespacePolicies,
        _strata_v1_NamespacePolicies__Output
      >;
      PersistencePolicy: MessageTypeDefinition<
        _strata_v1_PersistencePolicy,
        _strata_v1_PersistencePolicy__Output
      >;
      ProducerStats: MessageTypeDefinition<
        _strata_v1_ProducerStats,
        _strata_v1_ProducerStats__Output
      >;
      SetNamespacePoliciesRequest: MessageTypeDefinition<
        _strata_v1_SetNamespacePoliciesRequest,
        _strata_v1_SetNamespacePoliciesRequest__Output
      >;
      SubscriptionStats: MessageTypeDefinition<
        _strata_v1_SubscriptionStats,
        _strata_v1_SubscriptionStats__Output
      >;
      Tenant: MessageTypeDefinition<_strata_v1_Tenant, _strata_v1_Tenant__Output>;
      Topic: MessageTypeDefinition<_strata_v1_Topic, _strata_v1_Topic__Output>;
      TopicStats: MessageTypeDefinition<_strata_v1_TopicStats, _strata_v1_TopicStats__Output>;
    };
  };
}
