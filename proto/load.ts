import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackageDefinition, type GrpcObject } from '@grpc/grpc-js';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';
import protobuf from 'protobufjs';

/** The package's root folder, found from this module whether it runs from source or dist. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package root above ' + import.meta.url);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const PROTO_ROOT = join(PACKAGE_ROOT, 'proto');

// These must match the flags in proto/generate.mjs so that the generated types describe what the
// loader really produces.
const CONVERSION = {
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

const LOADER_OPTIONS: Options = { keepCase: false, ...CONVERSION, includeDirs: [PROTO_ROOT] };

/** The raw package definition of a .proto file (for server reflection). */
export function loadProtoDefinition(file: string): PackageDefinition {
  return loadSync(file, LOADER_OPTIONS);
}

/** Loads a gRPC package definition, e.g. `strata/metadata/v1/metadata.proto`. */
export function loadGrpcObject<T>(file: string): T {
  return loadPackageDefinition(loadProtoDefinition(file)) as GrpcObject as T;
}

/** Encodes and decodes one message type for persistence, with the same conversions as gRPC. */
export interface MessageCodec<In, Out> {
  encode(message: In): Buffer;
  decode(bytes: Uint8Array): Out;
}

export function loadMessageCodec<In, Out>(file: string, typeName: string): MessageCodec<In, Out> {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_ROOT, target);
  root.loadSync(file, { keepCase: false });
  const type = root.lookupType(typeName);
  return {
    encode: (message) => {
      const bytes = type.encode(type.fromObject(message as Record<string, unknown>)).finish();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    decode: (bytes) => type.toObject(type.decode(bytes), CONVERSION) as Out,
  };
}
