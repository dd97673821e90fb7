import { loadGrpcObject, loadMessageCodec } from '../proto/load.js';
import type {
  GatewayRegistration,
  GatewayRegistration__Output,
} from '../proto/generated/strata/gateway/v1/GatewayRegistration.js';
import type { ProtoGrpcType } from '../proto/generated/messaging.js';

/** The public messaging API's gRPC definitions. */
export const messagingGrpc = loadGrpcObject<ProtoGrpcType>('strata/v1/messaging.proto').strata.v1;

export const gatewayRegistrationCodec = loadMessageCodec<
  GatewayRegistration,
  GatewayRegistration__Output
>('strata/gateway/v1/ownership.proto', 'strata.gateway.v1.GatewayRegistration');
