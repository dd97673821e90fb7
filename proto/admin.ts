import type { GrpcObject } from '@grpc/grpc-js';
import { loadPackageDefinition } from '@grpc/grpc-js';
import type { ProtoGrpcType } from './generated/admin.js';
import { loadProtoDefinition } from './load.js';

/** The admin API's package definition (served by reflection). */
export const adminDefinition = loadProtoDefinition('strata/v1/admin.proto');

/** The admin API's gRPC definitions, for the gateways that serve it and every admin client. */
export const adminGrpc = (
  loadPackageDefinition(adminDefinition) as GrpcObject as unknown as ProtoGrpcType
).strata.v1;
