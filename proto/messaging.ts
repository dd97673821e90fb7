import type { GrpcObject } from '@grpc/grpc-js';
import { loadPackageDefinition } from '@grpc/grpc-js';
import type { ProtoGrpcType } from './generated/messaging.js';
import { loadProtoDefinition } from './load.js';

/** The public messaging API's package definition (served by reflection). */
export const messagingDefinition = loadProtoDefinition('strata/v1/messaging.proto');

/** The public messaging API's gRPC definitions, for the gateway that serves it and every client. */
export const messagingGrpc = (
  loadPackageDefinition(messagingDefinition) as GrpcObject as unknown as ProtoGrpcType
).strata.v1;
