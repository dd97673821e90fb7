// Original file: proto/strata/v1/messaging.proto

export const SubscriptionType = {
  EXCLUSIVE: 'EXCLUSIVE',
  SHARED: 'SHARED',
  FAILOVER: 'FAILOVER',
  KEY_SHARED: 'KEY_SHARED',
} as const;

export type SubscriptionType = 'EXCLUSIVE' | 0 | 'SHARED' | 1 | 'FAILOVER' | 2 | 'KEY_SHARED' | 3;

export type SubscriptionType__Output = (typeof SubscriptionType)[keyof typeof SubscriptionType];
