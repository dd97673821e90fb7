export { createClient, StrataClient, type ClientOptions } from './client.js';
export { Consumer, type SubscribeOptions, type SubscriptionType } from './consumer.js';
export { Producer, type BatchingOptions, type ProducerOptions } from './producer.js';
export {
  compareMessageIds,
  type MessageId,
  type OutgoingMessage,
  type ReceivedMessage,
} from './message.js';
