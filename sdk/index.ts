export { createClient, StrataClient, type ClientOptions } from './client.js';
export { type Consumer, type SubscribeOptions, type SubscriptionType } from './consumer.js';
export { type Producer, type BatchingOptions, type ProducerOptions } from './producer.js';
export { partitionForKey } from './partition-router.js';
export {
  compareMessageIds,
  formatMessageId,
  type MessageId,
  type OutgoingMessage,
  type ReceivedMessage,
} from './message.js';
export {
  createAdmin,
  StrataAdmin,
  type AdminOptions,
  type Namespace,
  type NamespacePolicies,
  type Tenant,
  type TopicInfo,
  type TopicStats,
} from './admin.js';
