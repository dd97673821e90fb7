import { status } from '@grpc/grpc-js';
import { StrataError, type StrataErrorOptions } from '../../services/common/errors.js';

/** The topic's log was closed by this gateway (unloading, shutting down). */
export class TopicClosedError extends StrataError {
  constructor(topic: string, options?: StrataErrorOptions) {
    super(
      'TOPIC_CLOSED',
      status.UNAVAILABLE,
      `topic ${topic} is closed on this gateway`,
      true,
      options,
    );
  }
}

/** Another owner took the topic: this gateway must stop serving it. Clients look it up again. */
export class TopicFencedError extends StrataError {
  constructor(topic: string, detail: string, options?: StrataErrorOptions) {
    super(
      'TOPIC_FENCED',
      status.UNAVAILABLE,
      `topic ${topic} was taken over: ${detail}`,
      true,
      options,
    );
  }
}
