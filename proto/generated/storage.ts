import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  AddRequest as _strata_storage_v1_AddRequest,
  AddRequest__Output as _strata_storage_v1_AddRequest__Output,
} from './strata/storage/v1/AddRequest.js';
import type {
  AddResponse as _strata_storage_v1_AddResponse,
  AddResponse__Output as _strata_storage_v1_AddResponse__Output,
} from './strata/storage/v1/AddResponse.js';
import type {
  AddResult as _strata_storage_v1_AddResult,
  AddResult__Output as _strata_storage_v1_AddResult__Output,
} from './strata/storage/v1/AddResult.js';
import type {
  DeleteLedgerRequest as _strata_storage_v1_DeleteLedgerRequest,
  DeleteLedgerRequest__Output as _strata_storage_v1_DeleteLedgerRequest__Output,
} from './strata/storage/v1/DeleteLedgerRequest.js';
import type {
  DeleteLedgerResponse as _strata_storage_v1_DeleteLedgerResponse,
  DeleteLedgerResponse__Output as _strata_storage_v1_DeleteLedgerResponse__Output,
} from './strata/storage/v1/DeleteLedgerResponse.js';
import type {
  Entry as _strata_storage_v1_Entry,
  Entry__Output as _strata_storage_v1_Entry__Output,
} from './strata/storage/v1/Entry.js';
import type {
  FenceRequest as _strata_storage_v1_FenceRequest,
  FenceRequest__Output as _strata_storage_v1_FenceRequest__Output,
} from './strata/storage/v1/FenceRequest.js';
import type {
  LedgerState as _strata_storage_v1_LedgerState,
  LedgerState__Output as _strata_storage_v1_LedgerState__Output,
} from './strata/storage/v1/LedgerState.js';
import type {
  ListLedgersRequest as _strata_storage_v1_ListLedgersRequest,
  ListLedgersRequest__Output as _strata_storage_v1_ListLedgersRequest__Output,
} from './strata/storage/v1/ListLedgersRequest.js';
import type {
  ListLedgersResponse as _strata_storage_v1_ListLedgersResponse,
  ListLedgersResponse__Output as _strata_storage_v1_ListLedgersResponse__Output,
} from './strata/storage/v1/ListLedgersResponse.js';
import type {
  ReadEntriesRequest as _strata_storage_v1_ReadEntriesRequest,
  ReadEntriesRequest__Output as _strata_storage_v1_ReadEntriesRequest__Output,
} from './strata/storage/v1/ReadEntriesRequest.js';
import type {
  ReadEntryRequest as _strata_storage_v1_ReadEntryRequest,
  ReadEntryRequest__Output as _strata_storage_v1_ReadEntryRequest__Output,
} from './strata/storage/v1/ReadEntryRequest.js';
import type {
  ReadEntryResponse as _strata_storage_v1_ReadEntryResponse,
  ReadEntryResponse__Output as _strata_storage_v1_ReadEntryResponse__Output,
} from './strata/storage/v1/ReadEntryResponse.js';
import type {
  ReadLacRequest as _strata_storage_v1_ReadLacRequest,
  ReadLacRequest__Output as _strata_storage_v1_ReadLacRequest__Output,
} from './strata/storage/v1/ReadLacRequest.js';
import type {
  StorageNodeClient as _strata_storage_v1_StorageNodeClient,
  StorageNodeDefinition as _strata_storage_v1_StorageNodeDefinition,
} from './strata/storage/v1/StorageNode.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    storage: {
      v1: {
        AddRequest: MessageTypeDefinition<
          _strata_storage_v1_AddRequest,
          _strata_storage_v1_AddRequest__Output
        >;
        AddResponse: MessageTypeDefinition<
          _strata_storage_v1_AddResponse,
          _strata_storage_v1_AddResponse__Output
        >;
        AddResult: MessageTypeDefinition<
          _strata_storage_v1_AddResult,
          _strata_storage_v1_AddResult__Output
        >;
        AddStatus: EnumTypeDefinition;
        DeleteLedgerRequest: MessageTypeDefinition<
          _strata_storage_v1_DeleteLedgerRequest,
          _strata_storage_v1_DeleteLedgerRequest__Output
        >;
        DeleteLedgerResponse: MessageTypeDefinition<
          _strata_storage_v1_DeleteLedgerResponse,
          _strata_storage_v1_DeleteLedgerResponse__Output
        >;
        Entry: MessageTypeDefinition<_strata_storage_v1_Entry, _strata_storage_v1_Entry__Output>;
        FenceRequest: MessageTypeDefinition<
          _strata_storage_v1_FenceRequest,
          _strata_storage_v1_FenceRequest__Output
        >;
        LedgerState: MessageTypeDefinition<
          _strata_storage_v1_LedgerState,
          _strata_storage_v1_LedgerState__Output
        >;
        ListLedgersRequest: MessageTypeDefinition<
          _strata_storage_v1_ListLedgersRequest,
          _strata_storage_v1_ListLedgersRequest__Output
        >;
        ListLedgersResponse: MessageTypeDefinition<
          _strata_storage_v1_ListLedgersResponse,
          _strata_storage_v1_ListLedgersResponse__Output
        >;
        ReadEntriesRequest: MessageTypeDefinition<
          _strata_storage_v1_ReadEntriesRequest,
          _strata_storage_v1_ReadEntriesRequest__Output
        >;
        ReadEntryRequest: MessageTypeDefinition<
          _strata_storage_v1_ReadEntryRequest,
          _strata_storage_v1_ReadEntryRequest__Output
        >;
        ReadEntryResponse: MessageTypeDefinition<
          _strata_storage_v1_ReadEntryResponse,
          _strata_storage_v1_ReadEntryResponse__Output
        >;
        ReadLacRequest: MessageTypeDefinition<
          _strata_storage_v1_ReadLacRequest,
          _strata_storage_v1_ReadLacRequest__Output
        >;
        ReadStatus: EnumTypeDefinition;
        StorageNode: SubtypeConstructor<
          typeof grpc.Client,
          _strata_storage_v1_StorageNodeClient
        > & { service: _strata_storage_v1_StorageNodeDefinition };
      };
    };
  };
}
