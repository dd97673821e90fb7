import { status } from '@grpc/grpc-js';
import { StrataError } from '../../services/common/errors.js';

/** A delete refused because clients are connected to the topic (or to one of its partitions). */
export class TopicBusyError extends StrataError {
  constructor(topic: string, producers: number, consumers: number) {
    super(
      'TOPIC_BUSY',
      status.FAILED_PRECONDITION,
      `topic ${topic} has ${producers} producers and ${consumers} consumers connected; disconnect them or force the delete`,
      false,
    );
  }
}
