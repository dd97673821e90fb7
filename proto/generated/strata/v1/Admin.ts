// Original file: proto/strata/v1/admin.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  CreateNamespaceRequest as _strata_v1_CreateNamespaceRequest,
  CreateNamespaceRequest__Output as _strata_v1_CreateNamespaceRequest__Output,
} from '../../strata/v1/CreateNamespaceRequest.js';
import type {
  CreateTenantRequest as _strata_v1_CreateTenantRequest,
  CreateTenantRequest__Output as _strata_v1_CreateTenantRequest__Output,
} from '../../strata/v1/CreateTenantRequest.js';
import type {
  CreateTopicRequest as _strata_v1_CreateTopicRequest,
  CreateTopicRequest__Output as _strata_v1_CreateTopicRequest__Output,
} from '../../strata/v1/CreateTopicRequest.js';
import type {
  DeleteNamespaceRequest as _strata_v1_DeleteNamespaceRequest,
  DeleteNamespaceRequest__Output as _strata_v1_DeleteNamespaceRequest__Output,
} from '../../strata/v1/DeleteNamespaceRequest.js';
import type {
  DeleteNamespaceResponse as _strata_v1_DeleteNamespaceResponse,
  DeleteNamespaceResponse__Output as _strata_v1_DeleteNamespaceResponse__Output,
} from '../../strata/v1/DeleteNamespaceResponse.js';
import type {
  DeleteTenantRequest as _strata_v1_DeleteTenantRequest,
  DeleteTenantRequest__Output as _strata_v1_DeleteTenantRequest__Output,
} from '../../strata/v1/DeleteTenantRequest.js';
import type {
  DeleteTenantResponse as _strata_v1_DeleteTenantResponse,
  DeleteTenantResponse__Output as _strata_v1_DeleteTenantResponse__Output,
} from '../../strata/v1/DeleteTenantResponse.js';
import type {
  DeleteTopicRequest as _strata_v1_DeleteTopicRequest,
  DeleteTopicRequest__Output as _strata_v1_DeleteTopicRequest__Output,
} from '../../strata/v1/DeleteTopicRequest.js';
import type {
  DeleteTopicResponse as _strata_v1_DeleteTopicResponse,
  DeleteTopicResponse__Output as _strata_v1_DeleteTopicResponse__Output,
} from '../../strata/v1/DeleteTopicResponse.js';
import type {
  GetNamespaceRequest as _strata_v1_GetNamespaceRequest,
  GetNamespaceRequest__Output as _strata_v1_GetNamespaceRequest__Output,
} from '../../strata/v1/GetNamespaceRequest.js';
import type {
  GetTopicRequest as _strata_v1_GetTopicRequest,
  GetTopicRequest__Output as _strata_v1_GetTopicRequest__Output,
} from '../../strata/v1/GetTopicRequest.js';
import type {
  GetTopicStatsRequest as _strata_v1_GetTopicStatsRequest,
  GetTopicStatsRequest__Output as _strata_v1_GetTopicStatsRequest__Output,
} from '../../strata/v1/GetTopicStatsRequest.js';
import type {
  ListNamespacesRequest as _strata_v1_ListNamespacesRequest,
  ListNamespacesRequest__Output as _strata_v1_ListNamespacesRequest__Output,
} from '../../strata/v1/ListNamespacesRequest.js';
import type {
  ListNamespacesResponse as _strata_v1_ListNamespacesResponse,
  ListNamespacesResponse__Output as _strata_v1_ListNamespacesResponse__Output,
} from '../../strata/v1/ListNamespacesResponse.js';
import type {
  ListTenantsRequest as _strata_v1_ListTenantsRequest,
  ListTenantsRequest__Output as _strata_v1_ListTenantsRequest__Output,
} from '../../strata/v1/ListTenantsRequest.js';
import type {
  ListTenantsResponse as _strata_v1_ListTenantsResponse,
  ListTenantsResponse__Output as _strata_v1_ListTenantsResponse__Output,
} from '../../strata/v1/ListTenantsResponse.js';
import type {
  ListTopicsRequest as _strata_v1_ListTopicsRequest,
  ListTopicsRequest__Output as _strata_v1_ListTopicsRequest__Output,
} from '../../strata/v1/ListTopicsRequest.js';
import type {
  ListTopicsResponse as _strata_v1_ListTopicsResponse,
  ListTopicsResponse__Output as _strata_v1_ListTopicsResponse__Output,
} from '../../strata/v1/ListTopicsResponse.js';
import type {
  Namespace as _strata_v1_Namespace,
  Namespace__Output as _strata_v1_Namespace__Output,
} from '../../strata/v1/Namespace.js';
import type {
  SetNamespacePoliciesRequest as _strata_v1_SetNamespacePoliciesRequest,
  SetNamespacePoliciesRequest__Output as _strata_v1_SetNamespacePoliciesRequest__Output,
} from '../../strata/v1/SetNamespacePoliciesRequest.js';
import type {
  Tenant as _strata_v1_Tenant,
  Tenant__Output as _strata_v1_Tenant__Output,
} from '../../strata/v1/Tenant.js';
import type {
  Topic as _strata_v1_Topic,
  Topic__Output as _strata_v1_Topic__Output,
} from '../../strata/v1/Topic.js';
import type {
  TopicStats as _strata_v1_TopicStats,
  TopicStats__Output as _strata_v1_TopicStats__Output,
} from '../../strata/v1/TopicStats.js';

export interface AdminClient extends grpc.Client {
  CreateNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  CreateNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  CreateNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  CreateNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  createNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  createNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  createNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  createNamespace(
    argument: _strata_v1_CreateNamespaceRequest,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;

  CreateTenant(
    argument: _strata_v1_CreateTenantRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;
  CreateTenant(
    argument: _strata_v1_CreateTenantRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;
  CreateTenant(
    argument: _strata_v1_CreateTenantRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;
  CreateTenant(
    argument: _strata_v1_CreateTenantRequest,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;
  createTenant(
    argument: _strata_v1_CreateTenantRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;
  createTenant(
    argument: _strata_v1_CreateTenantRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;
  createTenant(
    argument: _strata_v1_CreateTenantRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;
  createTenant(
    argument: _strata_v1_CreateTenantRequest,
    callback: grpc.requestCallback<_strata_v1_Tenant__Output>,
  ): grpc.ClientUnaryCall;

  CreateTopic(
    argument: _strata_v1_CreateTopicRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  CreateTopic(
    argument: _strata_v1_CreateTopicRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  CreateTopic(
    argument: _strata_v1_CreateTopicRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  CreateTopic(
    argument: _strata_v1_CreateTopicRequest,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  createTopic(
    argument: _strata_v1_CreateTopicRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  createTopic(
    argument: _strata_v1_CreateTopicRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  createTopic(
    argument: _strata_v1_CreateTopicRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  createTopic(
    argument: _strata_v1_CreateTopicRequest,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;

  DeleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteNamespace(
    argument: _strata_v1_DeleteNamespaceRequest,
    callback: grpc.requestCallback<_strata_v1_DeleteNamespaceResponse__Output>,
  ): grpc.ClientUnaryCall;

  DeleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTenant(
    argument: _strata_v1_DeleteTenantRequest,
    callback: grpc.requestCallback<_strata_v1_DeleteTenantResponse__Output>,
  ): grpc.ClientUnaryCall;

  DeleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteTopic(
    argument: _strata_v1_DeleteTopicRequest,
    callback: grpc.requestCallback<_strata_v1_DeleteTopicResponse__Output>,
  ): grpc.ClientUnaryCall;

  GetNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  GetNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  GetNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  GetNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  getNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  getNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  getNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  getNamespace(
    argument: _strata_v1_GetNamespaceRequest,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;

  GetTopic(
    argument: _strata_v1_GetTopicRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  GetTopic(
    argument: _strata_v1_GetTopicRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  GetTopic(
    argument: _strata_v1_GetTopicRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  GetTopic(
    argument: _strata_v1_GetTopicRequest,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  getTopic(
    argument: _strata_v1_GetTopicRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  getTopic(
    argument: _strata_v1_GetTopicRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  getTopic(
    argument: _strata_v1_GetTopicRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;
  getTopic(
    argument: _strata_v1_GetTopicRequest,
    callback: grpc.requestCallback<_strata_v1_Topic__Output>,
  ): grpc.ClientUnaryCall;

  GetTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;
  GetTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;
  GetTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;
  GetTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;
  getTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;
  getTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;
  getTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;
  getTopicStats(
    argument: _strata_v1_GetTopicStatsRequest,
    callback: grpc.requestCallback<_strata_v1_TopicStats__Output>,
  ): grpc.ClientUnaryCall;

  ListNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;
  listNamespaces(
    argument: _strata_v1_ListNamespacesRequest,
    callback: grpc.requestCallback<_strata_v1_ListNamespacesResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListTenants(
    argument: _strata_v1_ListTenantsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTenants(
    argument: _strata_v1_ListTenantsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTenants(
    argument: _strata_v1_ListTenantsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTenants(
    argument: _strata_v1_ListTenantsRequest,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTenants(
    argument: _strata_v1_ListTenantsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTenants(
    argument: _strata_v1_ListTenantsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTenants(
    argument: _strata_v1_ListTenantsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTenants(
    argument: _strata_v1_ListTenantsRequest,
    callback: grpc.requestCallback<_strata_v1_ListTenantsResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListTopics(
    argument: _strata_v1_ListTopicsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTopics(
    argument: _strata_v1_ListTopicsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTopics(
    argument: _strata_v1_ListTopicsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListTopics(
    argument: _strata_v1_ListTopicsRequest,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTopics(
    argument: _strata_v1_ListTopicsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTopics(
    argument: _strata_v1_ListTopicsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTopics(
    argument: _strata_v1_ListTopicsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listTopics(
    argument: _strata_v1_ListTopicsRequest,
    callback: grpc.requestCallback<_strata_v1_ListTopicsResponse__Output>,
  ): grpc.ClientUnaryCall;

  SetNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  SetNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  SetNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  SetNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  setNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  setNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  setNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
  setNamespacePolicies(
    argument: _strata_v1_SetNamespacePoliciesRequest,
    callback: grpc.requestCallback<_strata_v1_Namespace__Output>,
  ): grpc.ClientUnaryCall;
}

export interface AdminHandlers extends grpc.UntypedServiceImplementation {
  CreateNamespace: grpc.handleUnaryCall<
    _strata_v1_CreateNamespaceRequest__Output,
    _strata_v1_Namespace
  >;

  CreateTenant: grpc.handleUnaryCall<_strata_v1_CreateTenantRequest__Output, _strata_v1_Tenant>;

  CreateTopic: grpc.handleUnaryCall<_strata_v1_CreateTopicRequest__Output, _strata_v1_Topic>;

  DeleteNamespace: grpc.handleUnaryCall<
    _strata_v1_DeleteNamespaceRequest__Output,
    _strata_v1_DeleteNamespaceResponse
  >;

  DeleteTenant: grpc.handleUnaryCall<
    _strata_v1_DeleteTenantRequest__Output,
    _strata_v1_DeleteTenantResponse
  >;

  DeleteTopic: grpc.handleUnaryCall<
    _strata_v1_DeleteTopicRequest__Output,
    _strata_v1_DeleteTopicResponse
  >;

  GetNamespace: grpc.handleUnaryCall<_strata_v1_GetNamespaceRequest__Output, _strata_v1_Namespace>;

  GetTopic: grpc.handleUnaryCall<_strata_v1_GetTopicRequest__Output, _strata_v1_Topic>;

  GetTopicStats: grpc.handleUnaryCall<
    _strata_v1_GetTopicStatsRequest__Output,
    _strata_v1_TopicStats
  >;

  ListNamespaces: grpc.handleUnaryCall<
    _strata_v1_ListNamespacesRequest__Output,
    _strata_v1_ListNamespacesResponse
  >;

  ListTenants: grpc.handleUnaryCall<
    _strata_v1_ListTenantsRequest__Output,
    _strata_v1_ListTenantsResponse
  >;

  ListTopics: grpc.handleUnaryCall<
    _strata_v1_ListTopicsRequest__Output,
    _strata_v1_ListTopicsResponse
  >;

  SetNamespacePolicies: grpc.handleUnaryCall<
    _strata_v1_SetNamespacePoliciesRequest__Output,
    _strata_v1_Namespace
  >;
}

export interface AdminDefinition extends grpc.ServiceDefinition {
  CreateNamespace: MethodDefinition<
    _strata_v1_CreateNamespaceRequest,
    _strata_v1_Namespace,
    _strata_v1_CreateNamespaceRequest__Output,
    _strata_v1_Namespace__Output
  >;
  CreateTenant: MethodDefinition<
    _strata_v1_CreateTenantRequest,
    _strata_v1_Tenant,
    _strata_v1_CreateTenantRequest__Output,
    _strata_v1_Tenant__Output
  >;
  CreateTopic: MethodDefinition<
    _strata_v1_CreateTopicRequest,
    _strata_v1_Topic,
    _strata_v1_CreateTopicRequest__Output,
    _strata_v1_Topic__Output
  >;
  DeleteNamespace: MethodDefinition<
    _strata_v1_DeleteNamespaceRequest,
    _strata_v1_DeleteNamespaceResponse,
    _strata_v1_DeleteNamespaceRequest__Output,
    _strata_v1_DeleteNamespaceResponse__Output
  >;
  DeleteTenant: MethodDefinition<
    _strata_v1_DeleteTenantRequest,
    _strata_v1_DeleteTenantResponse,
    _strata_v1_DeleteTenantRequest__Output,
    _strata_v1_DeleteTenantResponse__Output
  >;
  DeleteTopic: MethodDefinition<
    _strata_v1_DeleteTopicRequest,
    _strata_v1_DeleteTopicResponse,
    _strata_v1_DeleteTopicRequest__Output,
    _strata_v1_DeleteTopicResponse__Output
  >;
  GetNamespace: MethodDefinition<
    _strata_v1_GetNamespaceRequest,
    _strata_v1_Namespace,
    _strata_v1_GetNamespaceRequest__Output,
    _strata_v1_Namespace__Output
  >;
  GetTopic: MethodDefinition<
    _strata_v1_GetTopicRequest,
    _strata_v1_Topic,
    _strata_v1_GetTopicRequest__Output,
    _strata_v1_Topic__Output
  >;
  GetTopicStats: MethodDefinition<
    _strata_v1_GetTopicStatsRequest,
    _strata_v1_TopicStats,
    _strata_v1_GetTopicStatsRequest__Output,
    _strata_v1_TopicStats__Output
  >;
  ListNamespaces: MethodDefinition<
    _strata_v1_ListNamespacesRequest,
    _strata_v1_ListNamespacesResponse,
    _strata_v1_ListNamespacesRequest__Output,
    _strata_v1_ListNamespacesResponse__Output
  >;
  ListTenants: MethodDefinition<
    _strata_v1_ListTenantsRequest,
    _strata_v1_ListTenantsResponse,
    _strata_v1_ListTenantsRequest__Output,
    _strata_v1_ListTenantsResponse__Output
  >;
  ListTopics: MethodDefinition<
    _strata_v1_ListTopicsRequest,
    _strata_v1_ListTopicsResponse,
    _strata_v1_ListTopicsRequest__Output,
    _strata_v1_ListTopicsResponse__Output
  >;
  SetNamespacePolicies: MethodDefinition<
    _strata_v1_SetNamespacePoliciesRequest,
    _strata_v1_Namespace,
    _strata_v1_SetNamespacePoliciesRequest__Output,
    _strata_v1_Namespace__Output
  >;
}
