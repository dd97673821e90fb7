import { loadGrpcObject, loadMessageCodec } from '../proto/load.js';
import type { ProtoGrpcType } from '../proto/generated/storage.js';
import type {
  LedgerMetadata,
  LedgerMetadata__Output,
} from '../proto/generated/strata/storage/v1/LedgerMetadata.js';
import type {
  StorageNodeRegistration,
  StorageNodeRegistration__Output,
} from '../proto/generated/strata/storage/v1/StorageNodeRegistration.js';

/** The storage protocol's gRPC definitions, shared by the node and its client. */
export const storageGrpc = loadGrpcObject<ProtoGrpcType>('strata/storage/v1/storage.proto').strata
  .storage.v1;

/** Adds carry entries up to 5 MiB by default; a request may batch several. */
export const MAX_STORAGE_MESSAGE_BYTES = 64 * 1024 * 1024;

const METADATA_FILE = 'strata/storage/v1/ledger_metadata.proto';

export const registrationCodec = loadMessageCodec<
  StorageNodeRegistration,
  StorageNodeRegistration__Output
>(METADATA_FILE, 'strata.storage.v1.StorageNodeRegistration');

export const ledgerMetadataCodec = loadMessageCodec<LedgerMetadata, LedgerMetadata__Output>(
  METADATA_FILE,
  'strata.storage.v1.LedgerMetadata',
);
