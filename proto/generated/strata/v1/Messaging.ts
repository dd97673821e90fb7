// Original file: proto/strata/v1/messaging.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  ConsumeRequest as _strata_v1_ConsumeRequest,
  ConsumeRequest__Output as _strata_v1_ConsumeRequest__Output,
} from '../../strata/v1/ConsumeRequest.js';
import type {
  ConsumeResponse as _strata_v1_ConsumeResponse,
  ConsumeResponse__Output as _strata_v1_ConsumeResponse__Output,
} from '../../strata/v1/ConsumeResponse.js';
import type {
  GetPartitionsRequest as _strata_v1_GetPartitionsRequest,
  GetPartitionsRequest__Output as _strata_v1_GetPartitionsRequest__Output,
} from '../../strata/v1/GetPartitionsRequest.js';
import type {
  GetPartitionsResponse as _strata_v1_GetPartitionsResponse,
  GetPartitionsResponse__Output as _strata_v1_GetPartitionsResponse__Output,
} from '../../strata/v1/GetPartitionsResponse.js';
import type {
  LookupRequest as _strata_v1_LookupRequest,
  LookupRequest__Output as _strata_v1_LookupRequest__Output,
} from '../../strata/v1/LookupRequest.js';
import type {
  LookupResponse as _strata_v1_LookupResponse,
  LookupResponse__Output as _strata_v1_LookupResponse__Output,
} from '../../strata/v1/LookupResponse.js';
import type {
  ProduceRequest as _strata_v1_ProduceRequest,
  ProduceRequest__Output as _strata_v1_ProduceRequest__Output,
} from '../../strata/v1/ProduceRequest.js';
import type {
  ProduceResponse as _strata_v1_ProduceResponse,
  ProduceResponse__Output as _strata_v1_ProduceResponse__Output,
} from '../../strata/v1/ProduceResponse.js';

export interface MessagingClient extends grpc.Client {
  Consume(
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ConsumeRequest, _strata_v1_ConsumeResponse__Output>;
  Consume(
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ConsumeRequest, _strata_v1_ConsumeResponse__Output>;
  consume(
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ConsumeRequest, _strata_v1_ConsumeResponse__Output>;
  consume(
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ConsumeRequest, _strata_v1_ConsumeResponse__Output>;

  GetPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getPartitions(
    argument: _strata_v1_GetPartitionsRequest,
    callback: grpc.requestCallback<_strata_v1_GetPartitionsResponse__Output>,
  ): grpc.ClientUnaryCall;

  Lookup(
    argument: _strata_v1_LookupRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;
  Lookup(
    argument: _strata_v1_LookupRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;
  Lookup(
    argument: _strata_v1_LookupRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;
  Lookup(
    argument: _strata_v1_LookupRequest,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;
  lookup(
    argument: _strata_v1_LookupRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;
  lookup(
    argument: _strata_v1_LookupRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;
  lookup(
    argument: _strata_v1_LookupRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;
  lookup(
    argument: _strata_v1_LookupRequest,
    callback: grpc.requestCallback<_strata_v1_LookupResponse__Output>,
  ): grpc.ClientUnaryCall;

  Produce(
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ProduceRequest, _strata_v1_ProduceResponse__Output>;
  Produce(
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ProduceRequest, _strata_v1_ProduceResponse__Output>;
  produce(
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ProduceRequest, _strata_v1_ProduceResponse__Output>;
  produce(
    options?: grpc.CallOptions,
  ): grpc.ClientDuplexStream<_strata_v1_ProduceRequest, _strata_v1_ProduceResponse__Output>;
}

export interface MessagingHandlers extends grpc.UntypedServiceImplementation {
  Consume: grpc.handleBidiStreamingCall<
    _strata_v1_ConsumeRequest__Output,
    _strata_v1_ConsumeResponse
  >;

  GetPartitions: grpc.handleUnaryCall<
    _strata_v1_GetPartitionsRequest__Output,
    _strata_v1_GetPartitionsResponse
  >;

  Lookup: grpc.handleUnaryCall<_strata_v1_LookupRequest__Output, _strata_v1_LookupResponse>;

  Produce: grpc.handleBidiStreamingCall<
    _strata_v1_ProduceRequest__Output,
    _strata_v1_ProduceResponse
  >;
}

export interface MessagingDefinition extends grpc.ServiceDefinition {
  Consume: MethodDefinition<
    _strata_v1_ConsumeRequest,
    _strata_v1_ConsumeResponse,
    _strata_v1_ConsumeRequest__Output,
    _strata_v1_ConsumeResponse__Output
  >;
  GetPartitions: MethodDefinition<
    _strata_v1_GetPartitionsRequest,
    _strata_v1_GetPartitionsResponse,
    _strata_v1_GetPartitionsRequest__Output,
    _strata_v1_GetPartitionsResponse__Output
  >;
  Lookup: MethodDefinition<
    _strata_v1_LookupRequest,
    _strata_v1_LookupResponse,
    _strata_v1_LookupRequest__Output,
    _strata_v1_LookupResponse__Output
  >;
  Produce: MethodDefinition<
    _strata_v1_ProduceRequest,
    _strata_v1_ProduceResponse,
    _strata_v1_ProduceRequest__Output,
    _strata_v1_ProduceResponse__Output
  >;
}
