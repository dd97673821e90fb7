// Original file: proto/strata/storage/v1/storage.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  AddRequest as _strata_storage_v1_AddRequest,
  AddRequest__Output as _strata_storage_v1_AddRequest__Output,
} from '../../../strata/storage/v1/AddRequest.js';
import type {
  AddResponse as _strata_storage_v1_AddResponse,
  AddResponse__Output as _strata_storage_v1_AddResponse__Output,
} from '../../../strata/storage/v1/AddResponse.js';
import type {
  DeleteLedgerRequest as _strata_storage_v1_DeleteLedgerRequest,
  DeleteLedgerRequest__Output as _strata_storage_v1_DeleteLedgerRequest__Output,
} from '../../../strata/storage/v1/DeleteLedgerRequest.js';
import type {
  DeleteLedgerResponse as _strata_storage_v1_DeleteLedgerResponse,
  DeleteLedgerResponse__Output as _strata_storage_v1_DeleteLedgerResponse__Output,
} from '../../../strata/storage/v1/DeleteLedgerResponse.js';
import type {
  FenceRequest as _strata_storage_v1_FenceRequest,
  FenceRequest__Output as _strata_storage_v1_FenceRequest__Output,
} from '../../../strata/storage/v1/FenceRequest.js';
import type {
  LedgerState as _strata_storage_v1_LedgerState,
  LedgerState__Output as _strata_storage_v1_LedgerState__Output,
} from '../../../strata/storage/v1/LedgerState.js';
import type {
  ListLedgersRequest as _strata_storage_v1_ListLedgersRequest,
  ListLedgersRequest__Output as _strata_storage_v1_ListLedgersRequest__Output,
} from '../../../strata/storage/v1/ListLedgersRequest.js';
import type {
  ListLedgersResponse as _strata_storage_v1_ListLedgersResponse,
  ListLedgersResponse__Output as _strata_storage_v1_ListLedgersResponse__Output,
} from '../../../strata/storage/v1/ListLedgersResponse.js';
import type {
  ReadEntriesRequest as _strata_storage_v1_ReadEntriesRequest,
  ReadEntriesRequest__Output as _strata_storage_v1_ReadEntriesRequest__Output,
} from '../../../strata/storage/v1/ReadEntriesRequest.js';
import type {
  ReadEntryRequest as _strata_storage_v1_ReadEntryRequest,
  ReadEntryRequest__Output as _strata_storage_v1_ReadEntryRequest__Output,
} from '../../../strata/storage/v1/ReadEntryRequest.js';
import type {
  ReadEntryResponse as _strata_storage_v1_ReadEntryResponse,
  ReadEntryResponse__Output as _strata_storage_v1_ReadEntryResponse__Output,
} from '../../../strata/storage/v1/ReadEntryResponse.js';
import type {
  ReadLacRequest as _strata_storage_v1_ReadLacRequest,
  ReadLacRequest__Output as _strata_storage_v1_ReadLacRequest__Output,
} from '../../../strata/storage/v1/ReadLacRequest.js';

export interface StorageNodeClient extends grpc.Client {
  AddEntries(
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_storage_v1_AddRequest, _strata_storage_v1_AddResponse__Output>;
  AddEntries(
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_storage_v1_AddRequest, _strata_storage_v1_AddResponse__Output>;
  addEntries(
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_storage_v1_AddRequest, _strata_storage_v1_AddResponse__Output>;
  addEntries(
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_storage_v1_AddRequest, _strata_storage_v1_AddResponse__Output>;

  DeleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteLedger(
    argument: _strata_storage_v1_DeleteLedgerRequest,
    callback: grpc.requestCallback<_strata_storage_v1_DeleteLedgerResponse__Output>,
  ): grpc.ClientUnaryCall;

  Fence(
    argument: _strata_storage_v1_FenceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  Fence(
    argument: _strata_storage_v1_FenceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  Fence(
    argument: _strata_storage_v1_FenceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  Fence(
    argument: _strata_storage_v1_FenceRequest,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  fence(
    argument: _strata_storage_v1_FenceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  fence(
    argument: _strata_storage_v1_FenceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  fence(
    argument: _strata_storage_v1_FenceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  fence(
    argument: _strata_storage_v1_FenceRequest,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;

  ListLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;
  listLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;
  listLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;
  listLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;
  listLedgers(
    argument: _strata_storage_v1_ListLedgersRequest,
    callback: grpc.requestCallback<_strata_storage_v1_ListLedgersResponse__Output>,
  ): grpc.ClientUnaryCall;

  ReadEntries(
    argument: _strata_storage_v1_ReadEntriesRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_storage_v1_ReadEntryResponse__Output>;
  ReadEntries(
    argument: _strata_storage_v1_ReadEntriesRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_storage_v1_ReadEntryResponse__Output>;
  readEntries(
    argument: _strata_storage_v1_ReadEntriesRequest,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_storage_v1_ReadEntryResponse__Output>;
  readEntries(
    argument: _strata_storage_v1_ReadEntriesRequest,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_strata_storage_v1_ReadEntryResponse__Output>;

  ReadEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;
  ReadEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;
  ReadEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;
  ReadEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;
  readEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;
  readEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;
  readEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;
  readEntry(
    argument: _strata_storage_v1_ReadEntryRequest,
    callback: grpc.requestCallback<_strata_storage_v1_ReadEntryResponse__Output>,
  ): grpc.ClientUnaryCall;

  ReadLac(
    argument: _strata_storage_v1_ReadLacRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  ReadLac(
    argument: _strata_storage_v1_ReadLacRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  ReadLac(
    argument: _strata_storage_v1_ReadLacRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  ReadLac(
    argument: _strata_storage_v1_ReadLacRequest,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  readLac(
    argument: _strata_storage_v1_ReadLacRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  readLac(
    argument: _strata_storage_v1_ReadLacRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  readLac(
    argument: _strata_storage_v1_ReadLacRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
  readLac(
    argument: _strata_storage_v1_ReadLacRequest,
    callback: grpc.requestCallback<_strata_storage_v1_LedgerState__Output>,
  ): grpc.ClientUnaryCall;
}

export interface StorageNodeHandlers extends grpc.UntypedServiceImplementation {
  AddEntries: grpc.handleBidiStreamingCall<
    _strata_storage_v1_AddRequest__Output,
    _strata_storage_v1_AddResponse
  >;

  DeleteLedger: grpc.handleUnaryCall<
    _strata_storage_v1_DeleteLedgerRequest__Output,
    _strata_storage_v1_DeleteLedgerResponse
  >;

  Fence: grpc.handleUnaryCall<
    _strata_storage_v1_FenceRequest__Output,
    _strata_storage_v1_LedgerState
  >;

  ListLedgers: grpc.handleUnaryCall<
    _strata_storage_v1_ListLedgersRequest__Output,
    _strata_storage_v1_ListLedgersResponse
  >;

  ReadEntries: grpc.handleServerStreamingCall<
    _strata_storage_v1_ReadEntriesRequest__Output,
    _strata_storage_v1_ReadEntryResponse
  >;

  ReadEntry: grpc.handleUnaryCall<
    _strata_storage_v1_ReadEntryRequest__Output,
    _strata_storage_v1_ReadEntryResponse
  >;

  ReadLac: grpc.handleUnaryCall<
    _strata_storage_v1_ReadLacRequest__Output,
    _strata_storage_v1_LedgerState
  >;
}

export interface StorageNodeDefinition extends grpc.ServiceDefinition {
  AddEntries: MethodDefinition<
    _strata_storage_v1_AddRequest,
    _strata_storage_v1_AddResponse,
    _strata_storage_v1_AddRequest__Output,
    _strata_storage_v1_AddResponse__Output
  >;
  DeleteLedger: MethodDefinition<
    _strata_storage_v1_DeleteLedgerRequest,
    _strata_storage_v1_DeleteLedgerResponse,
    _strata_storage_v1_DeleteLedgerRequest__Output,
    _strata_storage_v1_DeleteLedgerResponse__Output
  >;
  Fence: MethodDefinition<
    _strata_storage_v1_FenceRequest,
    _strata_storage_v1_LedgerState,
    _strata_storage_v1_FenceRequest__Output,
    _strata_storage_v1_LedgerState__Output
  >;
  ListLedgers: MethodDefinition<
    _strata_storage_v1_ListLedgersRequest,
    _strata_storage_v1_ListLedgersResponse,
    _strata_storage_v1_ListLedgersRequest__Output,
    _strata_storage_v1_ListLedgersResponse__Output
  >;
  ReadEntries: MethodDefinition<
    _strata_storage_v1_ReadEntriesRequest,
    _strata_storage_v1_ReadEntryResponse,
    _strata_storage_v1_ReadEntriesRequest__Output,
    _strata_storage_v1_ReadEntryResponse__Output
  >;
  ReadEntry: MethodDefinition<
    _strata_storage_v1_ReadEntryRequest,
    _strata_storage_v1_ReadEntryResponse,
    _strata_storage_v1_ReadEntryRequest__Output,
    _strata_storage_v1_ReadEntryResponse__Output
  >;
  ReadLac: MethodDefinition<
    _strata_storage_v1_ReadLacRequest,
    _strata_storage_v1_LedgerState,
    _strata_storage_v1_ReadLacRequest__Output,
    _strata_storage_v1_LedgerState__Output
  >;
}
