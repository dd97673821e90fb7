import { Server, ServerCredentials, type ServerDuplexStream } from '@grpc/grpc-js';
import { afterEach, expect, it } from 'vitest';
import type { ConsumeRequest__Output } from '../../proto/generated/strata/v1/ConsumeRequest.js';
import type { ConsumeResponse } from '../../proto/generated/strata/v1/ConsumeResponse.js';
import { messagingGrpc } from '../../proto/messaging.js';
import { createClient, type StrataClient } from '../../sdk/index.js';
import { batchCodec } from '../harness/messaging-client.js';
import { waitFor } from '../harness/wait.js';

/**
 * A gateway's consume protocol as seen on the wire, answering `Subscribed` with or without
 * `entry_acks`: without it stands for a gateway from before acks grouped by entry, which would
 * ignore them. It delivers one entry of three messages and records the acks it is sent.
 */
async function wireGateway(entryAcks: boolean) {
  const acks: Array<NonNullable<ConsumeRequest__Output['ack']>> = [];
  const server = new Server();
  let address = '';
  server.addService(messagingGrpc.Messaging.service, {
    Lookup: (call: { request: { topic: string } }, done: (e: null, r: unknown) => void) =>
      done(null, { ownerAddress: address, topic: call.request.topic }),
    GetPartitions: (call: { request: { topic: string } }, done: (e: null, r: unknown) => void) =>
      done(null, { topic: call.request.topic, partitions: 0 }),
    Consume: (call: ServerDuplexStream<ConsumeRequest__Output, ConsumeResponse>) => {
      call.on('data', (request: ConsumeRequest__Output) => {
        if (request.subscribe) {
          call.write({ subscribed: { consumerName: 'c', active: true, entryAcks } });
        } else if (request.flow) {
          call.write({
            delivery: {
              id: { ledgerId: 7, entryId: 3, batchIndex: 0, partition: -1 },
              batch: batchCodec.encode({
                messages: ['a', 'b', 'c'].map((text) => ({ payload: Buffer.from(text) })),
              }),
              messageCount: 3,
            },
          });
        } else if (request.ack) {
          acks.push(request.ack);
        }
      });
      call.on('end', () => call.end());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  address = `127.0.0.1:${port}`;
  return { address, acks, stop: () => server.forceShutdown() };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function consumeThreeAndAck(address: string): Promise<void> {
  const client: StrataClient = createClient({ serviceUrl: address });
  cleanups.push(() => client.close());
  const consumer = await client.subscribe({ topic: 'compat', subscription: 's' });
  cleanups.push(() => consumer.close());
  const iterator = consumer[Symbol.asyncIterator]();
  for (let i = 0; i < 3; i++) {
    const next = await iterator.next();
    if (next.done) throw new Error('consumer ended early');
    next.value.ack();
  }
}

it('acks go grouped by entry to a gateway that says it applies them', async () => {
  const gateway = await wireGateway(true);
  cleanups.push(gateway.stop);
  await consumeThreeAndAck(gateway.address);
  await waitFor(() => gateway.acks.length > 0, 'an ack request');
  expect(gateway.acks.flatMap((a) => a.ids)).toEqual([]);
  expect(gateway.acks.flatMap((a) => a.entries)).toEqual([
    { ledgerId: 7, entryId: 3, batchIndexes: [0, 1, 2] },
  ]);
});

it('acks go one id per message to a gateway from before grouped acks', async () => {
  const gateway = await wireGateway(false);
  cleanups.push(gateway.stop);
  await consumeThreeAndAck(gateway.address);
  await waitFor(() => gateway.acks.length > 0, 'an ack request');
  expect(gateway.acks.flatMap((a) => a.entries)).toEqual([]);
  expect(
    gateway.acks
      .flatMap((a) => a.ids)
      .map(({ ledgerId, entryId, batchIndex }) => ({
        ledgerId,
        entryId,
        batchIndex,
      })),
  ).toEqual([0, 1, 2].map((batchIndex) => ({ ledgerId: 7, entryId: 3, batchIndex })));
});
