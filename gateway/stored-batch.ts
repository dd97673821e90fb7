import type {
  StoredBatch,
  StoredBatch__Output,
} from '../proto/generated/strata/gateway/v1/StoredBatch.js';
import { loadMessageCodec } from '../proto/load.js';

/** The envelope of a stored entry: decoded per entry, never the messages inside. */
export const storedBatchCodec = loadMessageCodec<StoredBatch, StoredBatch__Output>(
  'strata/gateway/v1/stored_batch.proto',
  'strata.gateway.v1.StoredBatch',
);
