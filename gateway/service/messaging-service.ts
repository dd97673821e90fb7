import { createHash } from 'node:crypto';
import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import type { GetPartitionsRequest__Output } from '../../proto/generated/strata/v1/GetPartitionsRequest.js';
import type { GetPartitionsResponse } from '../../proto/generated/strata/v1/GetPartitionsResponse.js';
import type { LookupRequest__Output } from '../../proto/generated/strata/v1/LookupRequest.js';
import { PartitionedTopicError, type TopicCatalog } from '../catalog/topic-catalog.js';
import { RateMeter } from '../stats/rate-meter.js';
import type { LookupResponse } from '../../proto/generated/strata/v1/LookupResponse.js';
import type { MessagingHandlers } from '../../proto/generated/strata/v1/Messaging.js';
import type { ProduceRequest__Output } from '../../proto/generated/strata/v1/ProduceRequest.js';
import type { ProduceResponse } from '../../proto/generated/strata/v1/ProduceResponse.js';
import type { SendBatch__Output } from '../../proto/generated/strata/v1/SendBatch.js';
import { storedBatchCodec } from '../stored-batch.js';
import {
  InvalidArgumentError,
  MessageTooLargeError,
  NotOwnerError,
  asStrataError,
  StrataError,
} from '../../services/common/errors.js';
import { toServiceError } from '../../services/common/grpc-errors.js';
import { unaryHandler } from '../../services/common/grpc-server.js';
import type { Logger } from '../../services/common/logger.js';
import { TopicFencedError } from '../managed-ledger/managed-ledger-errors.js';
import type { TopicOwnership } from '../ownership/topic-ownership.js';
import { parseTopicName, partitionedParent, topicPath } from '../topic-name.js';
import type { LoadedTopic, TopicManager } from '../topics/topic-manager.js';
import type { GatewayMetrics } from '../http/gateway-metrics.js';
import { countBatchMessages } from './batch-check.js';
import { createConsumeHandler } from './consume-stream.js';

export interface MessagingServiceContext {
  self: { gatewayId: string; address: string };
  topics: TopicManager;
  ownership: TopicOwnership;
  catalog: TopicCatalog;
  /** Live gateways and their load, for placing a topic nobody owns. */
  gateways: () => Promise<Array<{ gatewayId: string; address: string; ownedTopics: number }>>;
  maxMessageBytes: number;
  /** Delay before a negatively acknowledged message comes again, unless the consumer sets one. */
  nackDelayMs: number;
  metrics: GatewayMetrics;
  logger: Logger;
}

/** A send refused without ending the stream: the producer may go on. */
function sendError(requestId: number, error: StrataError): ProduceResponse {
  return {
    error: { requestId, code: error.code, message: error.message, retriable: error.retriable },
  };
}

export function createMessagingHandlers(ctx: MessagingServiceContext): MessagingHandlers {
  const unary = unaryHandler(ctx.logger, 'messaging');
  let producerCounter = 0;

  async function getPartitions({
    topic,
  }: GetPartitionsRequest__Output): Promise<GetPartitionsResponse> {
    const name = parseTopicName(topic);
    return { topic: name.full, partitions: await ctx.catalog.partitions(name) };
  }

  async function lookup({ topic }: LookupRequest__Output): Promise<LookupResponse> {
    const name = parseTopicName(topic);
    const path = topicPath(name);
    const partitions = await ctx.catalog.partitions(name);
    if (partitions > 0) throw new PartitionedTopicError(name.full, partitions);
    const owner = await ctx.ownership.owner(path);
    if (owner) return { ownerAddress: owner.address, topic: name.full };
    // Nobody owns it: the least loaded live gateway should. Ties go by a hash of topic and gateway
    // (rendezvous hashing), so every gateway answering a lookup points at the same one; the
    // partitions of one topic take the tied gateways in turn from there, so they spread even when
    // their lookups come together, before any load report has changed.
    const gateways = await ctx.gateways();
    const parent = partitionedParent(name);
    const spreadPath = parent ? topicPath(parent) : path;
    const score = (gatewayId: string) =>
      createHash('sha1').update(`${spreadPath}\0${gatewayId}`).digest().readUInt32BE(0);
    const lowest = Math.min(...gateways.map((g) => g.ownedTopics));
    const tied = gateways
      .filter((g) => g.ownedTopics === lowest)
      .sort((a, b) => score(a.gatewayId) - score(b.gatewayId));
    const least = tied[(name.partition ?? 0) % Math.max(1, tied.length)];
    if (least && least.gatewayId !== ctx.self.gatewayId)
      return { ownerAddress: least.address, topic: name.full };
    try {
      await ctx.topics.acquire(name);
      return { ownerAddress: ctx.self.address, topic: name.full };
    } catch (error) {
      if (error instanceof NotOwnerError)
        return { ownerAddress: error.ownerAddress, topic: name.full };
      throw error;
    }
  }

  function produce(call: ServerDuplexStream<ProduceRequest__Output, ProduceResponse>): void {
    let topic: LoadedTopic | undefined;
    let producerName = '';
    let opening: Promise<void> | undefined;
    let inFlight = 0;
    let ended = false;
    let finished = false;

    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      if (topic && producerName) {
        topic.producers.delete(producerName);
        topic.streams.delete(endForUnload);
        ctx.metrics.producers.dec();
      }
      if (error === undefined) call.end();
      else call.emit('error', toServiceError(error));
    };
    const maybeEnd = () => {
      if (ended && inFlight === 0) finish();
    };
    // The topic is unloading here: the client must look it up again.
    const endForUnload = () => finish(new NotOwnerError(topic?.name.full ?? '', ''));

    const open = async (request: NonNullable<ProduceRequest__Output['open']>) => {
      const name = parseTopicName(request.topic);
      const loaded = await ctx.topics.acquire(name);
      // The stream may have ended while the topic loaded: claim no producer name for it.
      if (finished) return;
      const wanted = request.producerName || `${ctx.self.gatewayId}-${++producerCounter}`;
      if (loaded.producers.has(wanted)) {
        throw new StrataError(
          'PRODUCER_BUSY',
          status.FAILED_PRECONDITION,
          `producer ${JSON.stringify(wanted)} is already connected to ${name.full}`,
          false,
        );
      }
      loaded.producers.set(wanted, {
        address: call.getPeer(),
        connectedSinceMs: Date.now(),
        rate: new RateMeter(),
      });
      loaded.streams.add(endForUnload);
      topic = loaded;
      producerName = wanted;
      ctx.metrics.producers.inc();
      call.write({ opened: { producerName: wanted, topic: name.full, lastSequenceId: 0 } });
    };

    const send = (request: SendBatch__Output) => {
      const current = topic as LoadedTopic;
      const { requestId, batch, messageCount, firstSequenceId, key } = request;
      if (batch.byteLength > ctx.maxMessageBytes) {
        call.write(
          sendError(requestId, new MessageTooLargeError(batch.byteLength, ctx.maxMessageBytes)),
        );
        return;
      }
      const counted = countBatchMessages(batch);
      if (counted === undefined || counted === 0 || counted !== messageCount) {
        call.write(
          sendError(
            requestId,
            new InvalidArgumentError(
              counted === undefined
                ? 'batch is not a serialized MessageBatch'
                : `batch holds ${counted} messages, message_count says ${messageCount}`,
            ),
          ),
        );
        return;
      }
      const publishTimeMs = Date.now();
      // The batch is copied into the entry as sent: stamped, never decoded message by message.
      const entry = storedBatchCodec.encode({
        publishTimeMs,
        producerName,
        firstSequenceId,
        messageCount,
        batch,
        key,
      });
      inFlight++;
      const receivedAt = performance.now();
      current.ledger.append(entry).then(
        (position) => {
          inFlight--;
          ctx.metrics.messagesIn.inc(messageCount);
          ctx.metrics.bytesIn.inc(batch.byteLength);
          current.rateIn.record(messageCount, batch.byteLength);
          current.producers.get(producerName)?.rate.record(messageCount, batch.byteLength);
          ctx.metrics.appendLatency.observe((performance.now() - receivedAt) / 1000);
          if (!finished) {
            call.write({
              receipt: {
                requestId,
                first: {
                  ledgerId: position.ledgerId,
                  entryId: position.entryId,
                  batchIndex: 0,
                  partition: current.name.partition ?? -1,
                },
                messageCount,
                publishTimeMs,
              },
            });
          }
          maybeEnd();
        },
        (error: unknown) => {
          inFlight--;
          if (error instanceof TopicFencedError) {
            // Another gateway owns the topic now: stop serving it and send the client to look again.
            void ctx.topics.unload(current.path, current);
            finish(new NotOwnerError(current.name.full, '', { cause: error }));
            return;
          }
          const failure = asStrataError(error);
          if (failure.retriable) {
            // A later batch could succeed past this one and leave a hole in the producer's order:
            // end the stream instead, and the client resends everything pending, in order.
            finish(failure);
            return;
          }
          if (!finished) call.write(sendError(requestId, failure));
          maybeEnd();
        },
      );
    };

    call.on('data', (request: ProduceRequest__Output) => {
      if (finished) return;
      if (request.open) {
        if (opening) {
          finish(new InvalidArgumentError('the stream is already open'));
          return;
        }
        opening = open(request.open).catch((error: unknown) => finish(error));
        return;
      }
      if (!request.send) {
        finish(new InvalidArgumentError('a produce request must be open or send'));
        return;
      }
      if (!opening) {
        finish(new InvalidArgumentError('a produce stream must start with ProducerOpen'));
        return;
      }
      const sendRequest = request.send;
      // Sends that arrive while the producer opens wait for it, in order.
      if (!topic) {
        inFlight++;
        void opening.then(() => {
          inFlight--;
          if (topic && !finished) send(sendRequest);
          maybeEnd();
        });
        return;
      }
      send(sendRequest);
    });
    call.on('end', () => {
      ended = true;
      maybeEnd();
    });
    call.on('error', () => finish());
    call.on('cancelled', () => finish());
  }

  return {
    Lookup: unary('Lookup', lookup),
    GetPartitions: unary('GetPartitions', getPartitions),
    Produce: produce,
    Consume: createConsumeHandler({
      topics: ctx.topics,
      defaultNackDelayMs: ctx.nackDelayMs,
      metrics: ctx.metrics,
      logger: ctx.logger,
    }),
  };
}
