import type { ProtoGrpcType } from './generated/messaging.js';
import { loadGrpcObject } from './load.js';

/** The public messaging API's gRPC definitions, for the gateway that serves it and every client. */
export const messagingGrpc = loadGrpcObject<ProtoGrpcType>('strata/v1/messaging.proto').strata.v1;
