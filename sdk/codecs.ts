import { loadMessageCodec } from '../proto/load.js';
import type { Message, Message__Output } from '../proto/generated/strata/v1/Message.js';
import type {
  MessageBatch,
  MessageBatch__Output,
} from '../proto/generated/strata/v1/MessageBatch.js';

const FILE = 'strata/v1/messaging.proto';
export const messageCodec = loadMessageCodec<Message, Message__Output>(FILE, 'strata.v1.Message');
export const batchCodec = loadMessageCodec<MessageBatch, MessageBatch__Output>(
  FILE,
  'strata.v1.MessageBatch',
);

/**
 * A MessageBatch is `repeated Message messages = 1`: each message's bytes behind a tag and a
 * length. Concatenating them builds the batch without encoding any message twice.
 */
export function concatBatch(messages: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const message of messages) {
    const header = [0x0a];
    let length = message.length;
    while (length >= 0x80) {
      header.push((length & 0x7f) | 0x80);
      length >>>= 7;
    }
    header.push(length);
    parts.push(Buffer.from(header), message);
  }
  return Buffer.concat(parts);
}
