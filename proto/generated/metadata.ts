import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  Check as _strata_metadata_v1_Check,
  Check__Output as _strata_metadata_v1_Check__Output,
} from './strata/metadata/v1/Check.js';
import type {
  DeleteOp as _strata_metadata_v1_DeleteOp,
  DeleteOp__Output as _strata_metadata_v1_DeleteOp__Output,
} from './strata/metadata/v1/DeleteOp.js';
import type {
  DeleteRequest as _strata_metadata_v1_DeleteRequest,
  DeleteRequest__Output as _strata_metadata_v1_DeleteRequest__Output,
} from './strata/metadata/v1/DeleteRequest.js';
import type {
  DeleteResponse as _strata_metadata_v1_DeleteResponse,
  DeleteResponse__Output as _strata_metadata_v1_DeleteResponse__Output,
} from './strata/metadata/v1/DeleteResponse.js';
import type {
  Expectation as _strata_metadata_v1_Expectation,
  Expectation__Output as _strata_metadata_v1_Expectation__Output,
} from './strata/metadata/v1/Expectation.js';
import type {
  GetRequest as _strata_metadata_v1_GetRequest,
  GetRequest__Output as _strata_metadata_v1_GetRequest__Output,
} from './strata/metadata/v1/GetRequest.js';
import type {
  GetResponse as _strata_metadata_v1_GetResponse,
  GetResponse__Output as _strata_metadata_v1_GetResponse__Output,
} from './strata/metadata/v1/GetResponse.js';
import type {
  KeyValue as _strata_metadata_v1_KeyValue,
  KeyValue__Output as _strata_metadata_v1_KeyValue__Output,
} from './strata/metadata/v1/KeyValue.js';
import type {
  LeaseGrantRequest as _strata_metadata_v1_LeaseGrantRequest,
  LeaseGrantRequest__Output as _strata_metadata_v1_LeaseGrantRequest__Output,
} from './strata/metadata/v1/LeaseGrantRequest.js';
import type {
  LeaseGrantResponse as _strata_metadata_v1_LeaseGrantResponse,
  LeaseGrantResponse__Output as _strata_metadata_v1_LeaseGrantResponse__Output,
} from './strata/metadata/v1/LeaseGrantResponse.js';
import type {
  LeaseKeepAliveRequest as _strata_metadata_v1_LeaseKeepAliveRequest,
  LeaseKeepAliveRequest__Output as _strata_metadata_v1_LeaseKeepAliveRequest__Output,
} from './strata/metadata/v1/LeaseKeepAliveRequest.js';
import type {
  LeaseKeepAliveResponse as _strata_metadata_v1_LeaseKeepAliveResponse,
  LeaseKeepAliveResponse__Output as _strata_metadata_v1_LeaseKeepAliveResponse__Output,
} from './strata/metadata/v1/LeaseKeepAliveResponse.js';
import type {
  LeaseRevokeRequest as _strata_metadata_v1_LeaseRevokeRequest,
  LeaseRevokeRequest__Output as _strata_metadata_v1_LeaseRevokeRequest__Output,
} from './strata/metadata/v1/LeaseRevokeRequest.js';
import type {
  LeaseRevokeResponse as _strata_metadata_v1_LeaseRevokeResponse,
  LeaseRevokeResponse__Output as _strata_metadata_v1_LeaseRevokeResponse__Output,
} from './strata/metadata/v1/LeaseRevokeResponse.js';
import type {
  ListRequest as _strata_metadata_v1_ListRequest,
  ListRequest__Output as _strata_metadata_v1_ListRequest__Output,
} from './strata/metadata/v1/ListRequest.js';
import type {
  ListResponse as _strata_metadata_v1_ListResponse,
  ListResponse__Output as _strata_metadata_v1_ListResponse__Output,
} from './strata/metadata/v1/ListResponse.js';
import type {
  MetadataClient as _strata_metadata_v1_MetadataClient,
  MetadataDefinition as _strata_metadata_v1_MetadataDefinition,
} from './strata/metadata/v1/Metadata.js';
import type {
  Op as _strata_metadata_v1_Op,
  Op__Output as _strata_metadata_v1_Op__Output,
} from './strata/metadata/v1/Op.js';
import type {
  OpResult as _strata_metadata_v1_OpResult,
  OpResult__Output as _strata_metadata_v1_OpResult__Output,
} from './strata/metadata/v1/OpResult.js';
import type {
  PutOp as _strata_metadata_v1_PutOp,
  PutOp__Output as _strata_metadata_v1_PutOp__Output,
} from './strata/metadata/v1/PutOp.js';
import type {
  PutRequest as _strata_metadata_v1_PutRequest,
  PutRequest__Output as _strata_metadata_v1_PutRequest__Output,
} from './strata/metadata/v1/PutRequest.js';
import type {
  PutResponse as _strata_metadata_v1_PutResponse,
  PutResponse__Output as _strata_metadata_v1_PutResponse__Output,
} from './strata/metadata/v1/PutResponse.js';
import type {
  TxnRequest as _strata_metadata_v1_TxnRequest,
  TxnRequest__Output as _strata_metadata_v1_TxnRequest__Output,
} from './strata/metadata/v1/TxnRequest.js';
import type {
  TxnResponse as _strata_metadata_v1_TxnResponse,
  TxnResponse__Output as _strata_metadata_v1_TxnResponse__Output,
} from './strata/metadata/v1/TxnResponse.js';
import type {
  WatchEvent as _strata_metadata_v1_WatchEvent,
  WatchEvent__Output as _strata_metadata_v1_WatchEvent__Output,
} from './strata/metadata/v1/WatchEvent.js';
import type {
  WatchRequest as _strata_metadata_v1_WatchRequest,
  WatchRequest__Output as _strata_metadata_v1_WatchRequest__Output,
} from './strata/metadata/v1/WatchRequest.js';
import type {
  WatchResponse as _strata_metadata_v1_WatchResponse,
  WatchResponse__Output as _strata_metadata_v1_WatchResponse__Output,
} from './strata/metadata/v1/WatchResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    metadata: {
      v1: {
        Check: MessageTypeDefinition<_strata_metadata_v1_Check, _strata_metadata_v1_Check__Output>;
        DeleteOp: MessageTypeDefinition<
          _strata_metadata_v1_DeleteOp,
          _strata_metadata_v1_DeleteOp__Output
        >;
        DeleteRequest: MessageTypeDefinition<
          _strata_metadata_v1_DeleteRequest,
          _strata_metadata_v1_DeleteRequest__Output
        >;
        DeleteResponse: MessageTypeDefinition<
          _strata_metadata_v1_DeleteResponse,
          _strata_metadata_v1_DeleteResponse__Output
        >;
        EventType: EnumTypeDefinition;
        Expectation: MessageTypeDefinition<
          _strata_metadata_v1_Expectation,
          _strata_metadata_v1_Expectation__Output
        >;
        GetRequest: MessageTypeDefinition<
          _strata_metadata_v1_GetRequest,
          _strata_metadata_v1_GetRequest__Output
        >;
        GetResponse: MessageTypeDefinition<
          _strata_metadata_v1_GetResponse,
          _strata_metadata_v1_GetResponse__Output
        >;
        KeyValue: MessageTypeDefinition<
          _strata_metadata_v1_KeyValue,
          _strata_metadata_v1_KeyValue__Output
        >;
        LeaseGrantRequest: MessageTypeDefinition<
          _strata_metadata_v1_LeaseGrantRequest,
          _strata_metadata_v1_LeaseGrantRequest__Output
        >;
        LeaseGrantResponse: MessageTypeDefinition<
          _strata_metadata_v1_LeaseGrantResponse,
          _strata_metadata_v1_LeaseGrantResponse__Output
        >;
        LeaseKeepAliveRequest: MessageTypeDefinition<
          _strata_metadata_v1_LeaseKeepAliveRequest,
          _strata_metadata_v1_LeaseKeepAliveRequest__Output
        >;
        LeaseKeepAliveResponse: MessageTypeDefinition<
          _strata_metadata_v1_LeaseKeepAliveResponse,
          _strata_metadata_v1_LeaseKeepAliveResponse__Output
        >;
        LeaseRevokeRequest: MessageTypeDefinition<
          _strata_metadata_v1_LeaseRevokeRequest,
          _strata_metadata_v1_LeaseRevokeRequest__Output
        >;
        LeaseRevokeResponse: MessageTypeDefinition<
          _strata_metadata_v1_LeaseRevokeResponse,
          _strata_metadata_v1_LeaseRevokeResponse__Output
        >;
        ListRequest: MessageTypeDefinition<
          _strata_metadata_v1_ListRequest,
          _strata_metadata_v1_ListRequest__Output
        >;
        ListResponse: MessageTypeDefinition<
          _strata_metadata_v1_ListResponse,
          _strata_metadata_v1_ListResponse__Output
        >;
        Metadata: SubtypeConstructor<typeof grpc.Client, _strata_metadata_v1_MetadataClient> & {
          service: _strata_metadata_v1_MetadataDefinition;
        };
        Op: MessageTypeDefinition<_strata_metadata_v1_Op, _strata_metadata_v1_Op__Output>;
        OpResult: MessageTypeDefinition<
          _strata_metadata_v1_OpResult,
          _strata_metadata_v1_OpResult__Output
        >;
        PutOp: MessageTypeDefinition<_strata_metadata_v1_PutOp, _strata_metadata_v1_PutOp__Output>;
        PutRequest: MessageTypeDefinition<
          _strata_metadata_v1_PutRequest,
          _strata_metadata_v1_PutRequest__Output
        >;
        PutResponse: MessageTypeDefinition<
          _strata_metadata_v1_PutResponse,
          _strata_metadata_v1_PutResponse__Output
        >;
        TxnRequest: MessageTypeDefinition<
          _strata_metadata_v1_TxnRequest,
          _strata_metadata_v1_TxnRequest__Output
        >;
        TxnResponse: MessageTypeDefinition<
          _strata_metadata_v1_TxnResponse,
          _strata_metadata_v1_TxnResponse__Output
        >;
        WatchEvent: MessageTypeDefinition<
          _strata_metadata_v1_WatchEvent,
          _strata_metadata_v1_WatchEvent__Output
        >;
        WatchRequest: MessageTypeDefinition<
          _strata_metadata_v1_WatchRequest,
          _strata_metadata_v1_WatchRequest__Output
        >;
        WatchResponse: MessageTypeDefinition<
          _strata_metadata_v1_WatchResponse,
          _strata_metadata_v1_WatchResponse__Output
        >;
      };
    };
  };
}
