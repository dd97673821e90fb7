import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  LedgerMetadata as _strata_storage_v1_LedgerMetadata,
  LedgerMetadata__Output as _strata_storage_v1_LedgerMetadata__Output,
} from './strata/storage/v1/LedgerMetadata.js';
import type {
  Segment as _strata_storage_v1_Segment,
  Segment__Output as _strata_storage_v1_Segment__Output,
} from './strata/storage/v1/Segment.js';
import type {
  StorageNodeRegistration as _strata_storage_v1_StorageNodeRegistration,
  StorageNodeRegistration__Output as _strata_storage_v1_StorageNodeRegistration__Output,
} from './strata/storage/v1/StorageNodeRegistration.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    storage: {
      v1: {
        LedgerMetadata: MessageTypeDefinition<
          _strata_storage_v1_LedgerMetadata,
          _strata_storage_v1_LedgerMetadata__Output
        >;
        LedgerStatus: EnumTypeDefinition;
        Segment: MessageTypeDefinition<
          _strata_storage_v1_Segment,
          _strata_storage_v1_Segment__Output
        >;
        StorageNodeRegistration: MessageTypeDefinition<
          _strata_storage_v1_StorageNodeRegistration,
          _strata_storage_v1_StorageNodeRegistration__Output
        >;
      };
    };
  };
}
