// Original file: proto/strata/metadata/v1/metadata.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  DeleteRequest as _strata_metadata_v1_DeleteRequest,
  DeleteRequest__Output as _strata_metadata_v1_DeleteRequest__Output,
} from '../../../strata/metadata/v1/DeleteRequest.js';
import type {
  DeleteResponse as _strata_metadata_v1_DeleteResponse,
  DeleteResponse__Output as _strata_metadata_v1_DeleteResponse__Output,
} from '../../../strata/metadata/v1/DeleteResponse.js';
import type {
  GetRequest as _strata_metadata_v1_GetRequest,
  GetRequest__Output as _strata_metadata_v1_GetRequest__Output,
} from '../../../strata/metadata/v1/GetRequest.js';
import type {
  GetResponse as _strata_metadata_v1_GetResponse,
  GetResponse__Output as _strata_metadata_v1_GetResponse__Output,
} from '../../../strata/metadata/v1/GetResponse.js';
import type {
  LeaseGrantRequest as _strata_metadata_v1_LeaseGrantRequest,
  LeaseGrantRequest__Output as _strata_metadata_v1_LeaseGrantRequest__Output,
} from '../../../strata/metadata/v1/LeaseGrantRequest.js';
import type {
  LeaseGrantResponse as _strata_metadata_v1_LeaseGrantResponse,
  LeaseGrantResponse__Output as _strata_metadata_v1_LeaseGrantResponse__Output,
} from '../../../strata/metadata/v1/LeaseGrantResponse.js';
import type {
  LeaseKeepAliveRequest as _strata_metadata_v1_LeaseKeepAliveRequest,
  LeaseKeepAliveRequest__Output as _strata_metadata_v1_LeaseKeepAliveRequest__Output,
} from '../../../strata/metadata/v1/LeaseKeepAliveRequest.js';
import type {
  LeaseKeepAliveResponse as _strata_metadata_v1_LeaseKeepAliveResponse,
  LeaseKeepAliveResponse__Output as _strata_metadata_v1_LeaseKeepAliveResponse__Output,
} from '../../../strata/metadata/v1/LeaseKeepAliveResponse.js';
import type {
  LeaseRevokeRequest as _strata_metadata_v1_LeaseRevokeRequest,
  LeaseRevokeRequest__Output as _strata_metadata_v1_LeaseRevokeRequest__Output,
} from '../../../strata/metadata/v1/LeaseRevokeRequest.js';
import type {
  LeaseRevokeResponse as _strata_metadata_v1_LeaseRevokeResponse,
  LeaseRevokeResponse__Output as _strata_metadata_v1_LeaseRevokeResponse__Output,
} from '../../../strata/metadata/v1/LeaseRevokeResponse.js';
import type {
  ListRequest as _strata_metadata_v1_ListRequest,
  ListRequest__Output as _strata_metadata_v1_ListRequest__Output,
} from '../../../strata/metadata/v1/ListRequest.js';
import type {
  ListResponse as _strata_metadata_v1_ListResponse,
  ListResponse__Output as _strata_metadata_v1_ListResponse__Output,
} from '../../../strata/metadata/v1/ListResponse.js';
import type {
  PutRequest as _strata_metadata_v1_PutRequest,
  PutRequest__Output as _strata_metadata_v1_PutRequest__Output,
} from '../../../strata/metadata/v1/PutRequest.js';
import type {
  PutResponse as _strata_metadata_v1_PutResponse,
  PutResponse__Output as _strata_metadata_v1_PutResponse__Output,
} from '../../../strata/metadata/v1/PutResponse.js';
import type {
  TxnRequest as _strata_metadata_v1_TxnRequest,
  TxnRequest__Output as _strata_metadata_v1_TxnRequest__Output,
} from '../../../strata/metadata/v1/TxnRequest.js';
import type {
  TxnResponse as _strata_metadata_v1_TxnResponse,
  TxnResponse__Output as _strata_metadata_v1_TxnResponse__Output,
} from '../../../strata/metadata/v1/TxnResponse.js';
import type {
  WatchRequest as _strata_metadata_v1_WatchRequest,
  WatchRequest__Output as _strata_metadata_v1_WatchRequest__Output,
} from '../../../strata/metadata/v1/WatchRequest.js';
import type {
  WatchResponse as _strata_metadata_v1_WatchResponse,
  WatchResponse__Output as _strata_metadata_v1_WatchResponse__Output,
} from '../../../strata/metadata/v1/WatchResponse.js';

export interface MetadataClient extends grpc.Client {
  Delete(
    argument: _strata_metadata_v1_DeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _strata_metadata_v1_DeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _strata_metadata_v1_DeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _strata_metadata_v1_DeleteRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _strata_metadata_v1_DeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _strata_metadata_v1_DeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _strata_metadata_v1_DeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _strata_metadata_v1_DeleteRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_DeleteResponse__Output>,
  ): grpc.ClientUnaryCall;

  Get(
    argument: _strata_metadata_v1_GetRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _strata_metadata_v1_GetRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _strata_metadata_v1_GetRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _strata_metadata_v1_GetRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _strata_metadata_v1_GetRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _strata_metadata_v1_GetRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _strata_metadata_v1_GetRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _strata_metadata_v1_GetRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_GetResponse__Output>,
  ): grpc.ClientUnaryCall;

  LeaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseGrant(
    argument: _strata_metadata_v1_LeaseGrantRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseGrantResponse__Output>,
  ): grpc.ClientUnaryCall;

  LeaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseKeepAlive(
    argument: _strata_metadata_v1_LeaseKeepAliveRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseKeepAliveResponse__Output>,
  ): grpc.ClientUnaryCall;

  LeaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;
  LeaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;
  leaseRevoke(
    argument: _strata_metadata_v1_LeaseRevokeRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_LeaseRevokeResponse__Output>,
  ): grpc.ClientUnaryCall;

  List(
    argument: _strata_metadata_v1_ListRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _strata_metadata_v1_ListRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _strata_metadata_v1_ListRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _strata_metadata_v1_ListRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _strata_metadata_v1_ListRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _strata_metadata_v1_ListRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _strata_metadata_v1_ListRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _strata_metadata_v1_ListRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_ListResponse__Output>,
  ): grpc.ClientUnaryCall;

  Put(
    argument: _strata_metadata_v1_PutRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;
  Put(
    argument: _strata_metadata_v1_PutRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;
  Put(
    argument: _strata_metadata_v1_PutRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;
  Put(
    argument: _strata_metadata_v1_PutRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;
  put(
    argument: _strata_metadata_v1_PutRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;
  put(
    argument: _strata_metadata_v1_PutRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;
  put(
    argument: _strata_metadata_v1_PutRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;
  put(
    argument: _strata_metadata_v1_PutRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_PutResponse__Output>,
  ): grpc.ClientUnaryCall;

  Txn(
    argument: _strata_metadata_v1_TxnRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;
  Txn(
    argument: _strata_metadata_v1_TxnRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;
  Txn(
    argument: _strata_metadata_v1_TxnRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;
  Txn(
    argument: _strata_metadata_v1_TxnRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;
  txn(
    argument: _strata_metadata_v1_TxnRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;
  txn(
    argument: _strata_metadata_v1_TxnRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;
  txn(
    argument: _strata_metadata_v1_TxnRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;
  txn(
    argument: _strata_metadata_v1_TxnRequest,
    callback: grpc.requestCallback<_strata_metadata_v1_TxnResponse__Output>,
  ): grpc.ClientUnaryCall;

  Watch(
    argument: _strata_metadata_v1_WatchRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_metadata_v1_WatchResponse__Output>;
  Watch(
    argument: _strata_metadata_v1_WatchRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_metadata_v1_WatchResponse__Output>;
  watch(
    argument: _strata_metadata_v1_WatchRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_metadata_v1_WatchResponse__Output>;
  watch(
    argument: _strata_metadata_v1_WatchRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_metadata_v1_WatchResponse__Output>;
}

export interface MetadataHandlers extends grpc.UntypedServiceImplementation {
  Delete: grpc.handleUnaryCall<
    _strata_metadata_v1_DeleteRequest__Output,
    _strata_metadata_v1_DeleteResponse
  >;

  Get: grpc.handleUnaryCall<
    _strata_metadata_v1_GetRequest__Output,
    _strata_metadata_v1_GetResponse
  >;

  LeaseGrant: grpc.handleUnaryCall<
    _strata_metadata_v1_LeaseGrantRequest__Output,
    _strata_metadata_v1_LeaseGrantResponse
  >;

  LeaseKeepAlive: grpc.handleUnaryCall<
    _strata_metadata_v1_LeaseKeepAliveRequest__Output,
    _strata_metadata_v1_LeaseKeepAliveResponse
  >;

  LeaseRevoke: grpc.handleUnaryCall<
    _strata_metadata_v1_LeaseRevokeRequest__Output,
    _strata_metadata_v1_LeaseRevokeResponse
  >;

  List: grpc.handleUnaryCall<
    _strata_metadata_v1_ListRequest__Output,
    _strata_metadata_v1_ListResponse
  >;

  Put: grpc.handleUnaryCall<
    _strata_metadata_v1_PutRequest__Output,
    _strata_metadata_v1_PutResponse
  >;

  Txn: grpc.handleUnaryCall<
    _strata_metadata_v1_TxnRequest__Output,
    _strata_metadata_v1_TxnResponse
  >;

  Watch: grpc.handleServerStreamingCall<
    _strata_metadata_v1_WatchRequest__Output,
    _strata_metadata_v1_WatchResponse
  >;
}

export interface MetadataDefinition extends grpc.ServiceDefinition {
  Delete: MethodDefinition<
    _strata_metadata_v1_DeleteRequest,
    _strata_metadata_v1_DeleteResponse,
    _strata_metadata_v1_DeleteRequest__Output,
    _strata_metadata_v1_DeleteResponse__Output
  >;
  Get: MethodDefinition<
    _strata_metadata_v1_GetRequest,
    _strata_metadata_v1_GetResponse,
    _strata_metadata_v1_GetRequest__Output,
    _strata_metadata_v1_GetResponse__Output
  >;
  LeaseGrant: MethodDefinition<
    _strata_metadata_v1_LeaseGrantRequest,
    _strata_metadata_v1_LeaseGrantResponse,
    _strata_metadata_v1_LeaseGrantRequest__Output,
    _strata_metadata_v1_LeaseGrantResponse__Output
  >;
  LeaseKeepAlive: MethodDefinition<
    _strata_metadata_v1_LeaseKeepAliveRequest,
    _strata_metadata_v1_LeaseKeepAliveResponse,
    _strata_metadata_v1_LeaseKeepAliveRequest__Output,
    _strata_metadata_v1_LeaseKeepAliveResponse__Output
  >;
  LeaseRevoke: MethodDefinition<
    _strata_metadata_v1_LeaseRevokeRequest,
    _strata_metadata_v1_LeaseRevokeResponse,
    _strata_metadata_v1_LeaseRevokeRequest__Output,
    _strata_metadata_v1_LeaseRevokeResponse__Output
  >;
  List: MethodDefinition<
    _strata_metadata_v1_ListRequest,
    _strata_metadata_v1_ListResponse,
    _strata_metadata_v1_ListRequest__Output,
    _strata_metadata_v1_ListResponse__Output
  >;
  Put: MethodDefinition<
    _strata_metadata_v1_PutRequest,
    _strata_metadata_v1_PutResponse,
    _strata_metadata_v1_PutRequest__Output,
    _strata_metadata_v1_PutResponse__Output
  >;
  Txn: MethodDefinition<
    _strata_metadata_v1_TxnRequest,
    _strata_metadata_v1_TxnResponse,
    _strata_metadata_v1_TxnRequest__Output,
    _strata_metadata_v1_TxnResponse__Output
  >;
  Watch: MethodDefinition<
    _strata_metadata_v1_WatchRequest,
    _strata_metadata_v1_WatchResponse,
    _strata_metadata_v1_WatchRequest__Output,
    _strata_metadata_v1_WatchResponse__Output
  >;
}
