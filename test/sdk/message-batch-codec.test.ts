import { expect, it } from 'vitest';
import { batchCodec } from '../harness/messaging-client.js';
import { MessageBatchBuilder } from '../../sdk/message-batch-builder.js';
import { readMessageBatch } from '../../sdk/message-batch-reader.js';
import type { OutgoingMessage } from '../../sdk/message.js';

const decoded = (builder: MessageBatchBuilder) =>
  batchCodec.decode(builder.finish()).messages.map((m) => ({
    payload: Buffer.from(m.payload),
    key: m.key,
    properties: m.properties,
    eventTimeMs: Number(m.eventTimeMs),
    sequenceId: Number(m.sequenceId),
  }));

it('encodes what protobufjs decodes back field for field, across varint widths and growth', () => {
  const messages: Array<OutgoingMessage & { sequenceId: number }> = [
    { payload: Buffer.alloc(0), sequenceId: 0 },
    { payload: 'héllo', key: 'k', sequenceId: 1 },
    {
      payload: Buffer.alloc(200, 7),
      properties: { a: '1', ключ: 'значение', empty: '' },
      sequenceId: 127,
    },
    { payload: Buffer.alloc(70_000, 3), eventTimeMs: 1_700_000_000_123, sequenceId: 128 },
    { payload: Buffer.from([1]), eventTimeMs: -5, sequenceId: 2 ** 53 - 1 },
    { payload: Buffer.alloc(16_385, 9), key: 'x'.repeat(300), sequenceId: 16_384 },
  ];
  // Starts small: the 70 KB payload makes the buffer grow while earlier messages are kept.
  const builder = new MessageBatchBuilder(16);
  for (const { sequenceId, ...message } of messages) builder.add(message, sequenceId);
  expect(builder.count).toBe(messages.length);
  expect(builder.bytes).toBe(builder.finish().byteLength);
  expect(decoded(builder)).toEqual(
    messages.map((m) => ({
      payload: typeof m.payload === 'string' ? Buffer.from(m.payload) : Buffer.from(m.payload),
      key: m.key ?? '',
      properties: m.properties ?? {},
      eventTimeMs: m.eventTimeMs ?? 0,
      sequenceId: m.sequenceId,
    })),
  );
});

it('copies the payload when it is added: the caller may reuse its buffer', () => {
  const payload = Buffer.from('first');
  const builder = new MessageBatchBuilder();
  builder.add({ payload }, 1);
  payload.write('XXXXX');
  expect(decoded(builder)[0]?.payload.toString()).toBe('first');
});

it('refuses a message it cannot encode and keeps the batch as it was', () => {
  const builder = new MessageBatchBuilder();
  builder.add({ payload: 'ok' }, 1);
  const before = Buffer.from(builder.finish());
  expect(() => builder.add({ payload: 'x', eventTimeMs: 1.5 }, 2)).toThrow(/eventTimeMs/);
  expect(() => builder.add({ payload: 'x', properties: { n: 1 as unknown as string } }, 2)).toThrow(
    /property "n"/,
  );
  expect(builder.count).toBe(1);
  expect(builder.finish()).toEqual(before);
});

it('reads back what it wrote, what protobufjs wrote, and skips fields it does not know', () => {
  const messages: Array<{
    payload: Buffer;
    key: string;
    properties: Record<string, string>;
    eventTimeMs: number;
    sequenceId: number;
  }> = [
    {
      payload: Buffer.from('a'),
      key: 'k1',
      properties: { p: 'v' },
      eventTimeMs: -7,
      sequenceId: 5,
    },
    { payload: Buffer.alloc(300, 1), key: '', properties: {}, eventTimeMs: 0, sequenceId: 2 ** 40 },
  ];
  const builder = new MessageBatchBuilder();
  for (const { sequenceId, ...message } of messages) builder.add(message, sequenceId);
  const expected = messages.map((m) => ({ ...m, payload: Buffer.from(m.payload) }));
  expect(readMessageBatch(builder.finish())).toEqual(expected);
  expect(readMessageBatch(batchCodec.encode({ messages }))).toEqual(expected);

  // A newer producer's field 9 (varint), 10 (length-delimited), 11 (fixed64) and 12 (fixed32).
  const unknown = Buffer.from([
    0x48, 0x96, 0x01, 0x52, 0x02, 0x68, 0x69, 0x59, 1, 2, 3, 4, 5, 6, 7, 8, 0x65, 1, 2, 3, 4,
  ]);
  const one = new MessageBatchBuilder();
  one.add({ payload: 'x' }, 3);
  const inner = one.finish().subarray(2);
  const withUnknown = Buffer.concat([
    Buffer.from([0x0a, inner.length + unknown.length]),
    inner,
    unknown,
  ]);
  expect(readMessageBatch(withUnknown)).toEqual([
    { payload: Buffer.from('x'), key: '', properties: {}, eventTimeMs: 0, sequenceId: 3 },
  ]);
  expect(() => readMessageBatch(withUnknown.subarray(0, withUnknown.length - 1))).toThrow(
    RangeError,
  );
  expect(() => readMessageBatch(Buffer.from([0x0a, 0x05, 0x0a]))).toThrow(RangeError);
});
