import { loadMessageCodec } from '../proto/load.js';
import type {
  MessageBatch,
  MessageBatch__Output,
} from '../proto/generated/strata/v1/MessageBatch.js';

const FILE = 'strata/v1/messaging.proto';
/** Batches are decoded with protobufjs; the producer encodes them itself (MessageBatchBuilder). */
export const batchCodec = loadMessageCodec<MessageBatch, MessageBatch__Output>(
  FILE,
  'strata.v1.MessageBatch',
);
