import { Metadata, credentials, type ServiceError } from '@grpc/grpc-js';
import type { AdminClient } from '../../proto/generated/strata/v1/Admin.js';
import type { TopicStats__Output } from '../../proto/generated/strata/v1/TopicStats.js';
import { adminGrpc } from '../../proto/admin.js';
import { fromServiceError } from '../../services/common/grpc-errors.js';

/** Set on a request one gateway passes to another: the receiver answers it and never passes it on. */
export const FORWARDED_HEADER = 'strata-forwarded';

const TIMEOUT_MS = 15_000;

/**
 * Passes admin requests about one topic to the gateway that owns it (stats and deletes need the
 * owner's live state), so a client may ask any gateway.
 */
export class OwnerForwarder {
  private readonly clients = new Map<string, AdminClient>();

  private client(address: string): AdminClient {
    let client = this.clients.get(address);
    if (!client) {
      client = new adminGrpc.Admin(address, credentials.createInsecure());
      this.clients.set(address, client);
    }
    return client;
  }

  private metadata(): Metadata {
    const metadata = new Metadata();
    metadata.set(FORWARDED_HEADER, '1');
    return metadata;
  }

  topicStats(address: string, topic: string): Promise<TopicStats__Output> {
    return new Promise((resolve, reject) =>
      this.client(address).GetTopicStats(
        { topic },
        this.metadata(),
        { deadline: Date.now() + TIMEOUT_MS },
        (error: ServiceError | null, response?: TopicStats__Output) =>
          error || !response ? reject(fromServiceError(error as ServiceError)) : resolve(response),
      ),
    );
  }

  deleteTopic(address: string, topic: string, force: boolean): Promise<void> {
    return new Promise((resolve, reject) =>
      this.client(address).DeleteTopic(
        { topic, force },
        this.metadata(),
        { deadline: Date.now() + TIMEOUT_MS },
        (error: ServiceError | null) => (error ? reject(fromServiceError(error)) : resolve()),
      ),
    );
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
