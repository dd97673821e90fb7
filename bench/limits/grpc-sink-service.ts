import type { ServiceDefinition } from '@grpc/grpc-js';

const identity = (buffer: Buffer) => buffer;

/**
 * One bidirectional method carrying raw bytes: the ceiling is grpc-js and HTTP/2 on loopback, with
 * no protobuf encoding on either side.
 */
export const SINK_SERVICE: ServiceDefinition = {
  frames: {
    path: '/strata.bench.Sink/Frames',
    requestStream: true,
    responseStream: true,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};
