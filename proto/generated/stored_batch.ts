import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  StoredBatch as _strata_gateway_v1_StoredBatch,
  StoredBatch__Output as _strata_gateway_v1_StoredBatch__Output,
} from './strata/gateway/v1/StoredBatch.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    gateway: {
      v1: {
        StoredBatch: MessageTypeDefinition<
          _strata_gateway_v1_StoredBatch,
          _strata_gateway_v1_StoredBatch__Output
        >;
      };
    };
  };
}
