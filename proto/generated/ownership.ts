import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  GatewayRegistration as _strata_gateway_v1_GatewayRegistration,
  GatewayRegistration__Output as _strata_gateway_v1_GatewayRegistration__Output,
} from './strata/gateway/v1/GatewayRegistration.js';
import type {
  TopicOwner as _strata_gateway_v1_TopicOwner,
  TopicOwner__Output as _strata_gateway_v1_TopicOwner__Output,
} from './strata/gateway/v1/TopicOwner.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    gateway: {
      v1: {
        GatewayRegistration: MessageTypeDefinition<
          _strata_gateway_v1_GatewayRegistration,
          _strata_gateway_v1_GatewayRegistration__Output
        >;
        TopicOwner: MessageTypeDefinition<
          _strata_gateway_v1_TopicOwner,
          _strata_gateway_v1_TopicOwner__Output
        >;
      };
    };
  };
}
