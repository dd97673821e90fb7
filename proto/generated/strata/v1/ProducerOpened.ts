// Original file: proto/strata/v1/messaging.proto

import type { Long } from '@grpc/proto-loader';

export interface ProducerOpened {
  producerName?: string;
  topic?: string;
  lastSequenceId?: number | string | Long;
}

export interface ProducerOpened__Output {
  producerName: string;
  topic: string;
  lastSequenceId: number;
}
