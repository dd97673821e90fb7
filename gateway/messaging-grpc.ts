import { loadMessageCodec } from '../proto/load.js';
import type {
  GatewayRegistration,
  GatewayRegistration__Output,
} from '../proto/generated/strata/gateway/v1/GatewayRegistration.js';
export { messagingGrpc } from '../proto/messaging.js';

export const gatewayRegistrationCodec = loadMessageCodec<
  GatewayRegistration,
  GatewayRegistration__Output
>('strata/gateway/v1/ownership.proto', 'strata.gateway.v1.GatewayRegistration');
