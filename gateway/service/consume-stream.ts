import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { ConsumeRequest__Output } from '../../proto/generated/strata/v1/ConsumeRequest.js';
import type { ConsumeResponse } from '../../proto/generated/strata/v1/ConsumeResponse.js';
import type { Subscribe__Output } from '../../proto/generated/strata/v1/Subscribe.js';
import { InvalidArgumentError, NotOwnerError } from '../../services/common/errors.js';
import { toServiceError } from '../../services/common/grpc-errors.js';
import type { Logger } from '../../services/common/logger.js';
import type { DispatchConsumer } from '../subscriptions/dispatch-consumer.js';
import {
  exclusivePolicy,
  failoverPolicy,
  keySharedPolicy,
  sharedPolicy,
  type DispatchPolicy,
} from '../subscriptions/dispatch-policy.js';
import type { Subscription } from '../subscriptions/subscription.js';
import { RateMeter } from '../stats/rate-meter.js';
import { parseTopicName } from '../topic-name.js';
import type { GatewayMetrics } from '../http/gateway-metrics.js';
import type { LoadedTopic, TopicManager } from '../topics/topic-manager.js';

export interface ConsumeContext {
  topics: TopicManager;
  defaultNackDelayMs: number;
  metrics: GatewayMetrics;
  logger: Logger;
}

const SUBSCRIPTION_NAME = /^[A-Za-z0-9_=:.-]{1,255}$/;

function policyFor(request: Subscribe__Output, partition: number): DispatchPolicy {
  switch (request.type as string) {
    case 'EXCLUSIVE':
      return exclusivePolicy(request.subscription);
    case 'FAILOVER':
      return failoverPolicy(partition);
    case 'SHARED':
      return sharedPolicy();
    case 'KEY_SHARED':
      return keySharedPolicy();
    default:
      throw new InvalidArgumentError(`unknown subscription type ${JSON.stringify(request.type)}`);
  }
}

/**
 * One consumer's stream: Subscribe first, then flow permits, acks and nacks. A client mistake ends
 * the stream with a clear status; whatever the consumer held unacknowledged goes to the others.
 */
export function createConsumeHandler(ctx: ConsumeContext) {
  let consumerIds = 0;
  return (call: ServerDuplexStream<ConsumeRequest__Output, ConsumeResponse>): void => {
    let subscription: Subscription | undefined;
    let consumer: DispatchConsumer | undefined;
    let subscribing: Promise<void> | undefined;
    let finished = false;

    let loadedTopic: LoadedTopic | undefined;
    // The topic is unloading here: the client must look it up again.
    const endForUnload = () => finish(new NotOwnerError(loadedTopic?.name.full ?? '', ''));
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      if (subscription && consumer) {
        subscription.removeConsumer(consumer);
        loadedTopic?.streams.delete(endForUnload);
        ctx.metrics.consumers.dec();
      }
      if (error === undefined) {
        if (!call.writableEnded) call.end();
      } else {
        call.emit('error', toServiceError(error));
      }
    };

    const subscribe = async (request: Subscribe__Output) => {
      const name = parseTopicName(request.topic);
      const policy = policyFor(request, name.partition ?? -1);
      if (!SUBSCRIPTION_NAME.test(request.subscription)) {
        throw new InvalidArgumentError(
          `invalid subscription name ${JSON.stringify(request.subscription)}`,
        );
      }
      const topic = await ctx.topics.acquire(name);
      const joined = await ctx.topics.subscription(topic, {
        name: request.subscription,
        policy,
        initialPosition: request.initialPosition === 'EARLIEST' ? 'EARLIEST' : 'LATEST',
        nackDelayMs: request.nackRedeliveryDelayMs || ctx.defaultNackDelayMs,
      });
      const id = ++consumerIds;
      const self: DispatchConsumer = {
        id,
        name: request.consumerName || `consumer-${id}`,
        permits: 0,
        ackTimeoutMs: request.ackTimeoutMs,
        pending: new Map(),
        address: call.getPeer(),
        connectedSinceMs: Date.now(),
        rateOut: new RateMeter(),
        deliver: (delivery) => {
          const messages = delivery.messageCount ?? 0;
          const bytes = (delivery.batch as Uint8Array | undefined)?.byteLength ?? 0;
          ctx.metrics.messagesOut.inc(messages);
          self.rateOut.record(messages, bytes);
          joined.rateOut.record(messages, bytes);
          topic.rateOut.record(messages, bytes);
          call.write({ delivery });
        },
        setActive: (active) => call.write({ activeChange: { active } }),
      };
      if (finished) return;
      // Refused before anything is answered: the client must not believe it joined.
      joined.policy.admit(joined.consumers, self);
      call.write({
        subscribed: {
          consumerName: self.name,
          active: policy.type !== 'FAILOVER',
          entryAcks: true,
        },
      });
      joined.addConsumer(self);
      subscription = joined;
      consumer = self;
      loadedTopic = topic;
      topic.streams.add(endForUnload);
      ctx.metrics.consumers.inc();
    };

    const handle = (request: ConsumeRequest__Output) => {
      if (request.subscribe) {
        if (subscribing) throw new InvalidArgumentError('the stream is already subscribed');
        subscribing = subscribe(request.subscribe).catch((error: unknown) => finish(error));
        return;
      }
      if (!subscribing)
        throw new InvalidArgumentError('a consume stream must start with Subscribe');
      // Requests sent while the subscription opens are handled once it has.
      void subscribing.then(() => {
        if (finished || !subscription || !consumer) return;
        try {
          if (request.flow) {
            if (request.flow.messages <= 0)
              throw new InvalidArgumentError('flow must grant at least one message');
            subscription.flow(consumer, request.flow.messages);
          } else if (request.ack) {
            subscription.ack(request.ack.ids, request.ack.cumulative, request.ack.entries);
          } else if (request.nack) {
            subscription.nack(consumer, request.nack.ids, request.nack.release);
          } else {
            throw new InvalidArgumentError(
              'a consume request must be subscribe, flow, ack or nack',
            );
          }
        } catch (error) {
          finish(error);
        }
      });
    };

    call.on('data', (request: ConsumeRequest__Output) => {
      if (finished) return;
      try {
        handle(request);
      } catch (error) {
        finish(error);
      }
    });
    call.on('end', () => finish());
    call.on('error', () => finish());
    call.on('cancelled', () => finish());
  };
}
