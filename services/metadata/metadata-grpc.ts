import { loadGrpcObject } from '../../proto/load.js';
import type { ProtoGrpcType } from '../../proto/generated/metadata.js';

/** The metadata service's gRPC definitions (client constructor and service), loaded once. */
export const metadataGrpc = loadGrpcObject<ProtoGrpcType>('strata/metadata/v1/metadata.proto')
  .strata.metadata.v1;

/** Messages up to this size are read, so an oversized value gets our clear limit error. */
export const MAX_GRPC_MESSAGE_BYTES = 16 * 1024 * 1024;
