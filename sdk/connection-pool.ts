import { credentials, type CallOptions, type ServiceError } from '@grpc/grpc-js';
import type { GetPartitionsResponse__Output } from '../proto/generated/strata/v1/GetPartitionsResponse.js';
import type { LookupResponse__Output } from '../proto/generated/strata/v1/LookupResponse.js';
import { messagingGrpc } from '../proto/messaging.js';
import type { MessagingClient } from '../proto/generated/strata/v1/Messaging.js';
import { InvalidArgumentError } from '../services/common/errors.js';
import { fromServiceError } from '../services/common/grpc-errors.js';
import { CLIENT_FLOW_CONTROL_OPTIONS } from '../services/common/http2-flow-window.js';

/** One gRPC channel per gateway address, shared by every producer and consumer of a client. */
export class ConnectionPool {
  private readonly clients = new Map<string, MessagingClient>();
  private next = 0;

  /** `serviceAddresses`: gateways to ask for lookups; one that fails sends the next lookup on. */
  constructor(readonly serviceAddresses: string[]) {
    if (serviceAddresses.length === 0)
      throw new InvalidArgumentError('the service URL names no gateway');
  }

  get(address: string): MessagingClient {
    let client = this.clients.get(address);
    if (!client) {
      client = new messagingGrpc.Messaging(address, credentials.createInsecure(), {
        'grpc.max_send_message_length': 64 * 1024 * 1024,
        'grpc.max_receive_message_length': 64 * 1024 * 1024,
        'grpc.keepalive_time_ms': 10_000,
        'grpc.keepalive_timeout_ms': 5_000,
        'grpc.initial_reconnect_backoff_ms': 100,
        'grpc.max_reconnect_backoff_ms': 2_000,
        ...CLIENT_FLOW_CONTROL_OPTIONS,
      });
      this.clients.set(address, client);
    }
    return client;
  }

  /** The owner of a topic, asked of a service gateway (any gateway answers). */
  async lookup(topic: string, timeoutMs = 10_000): Promise<{ owner: string; topic: string }> {
    const response = await this.ask<LookupResponse__Output>(timeoutMs, (client, options, done) =>
      client.Lookup({ topic }, options, done),
    );
    return { owner: response.ownerAddress, topic: response.topic || topic };
  }

  /** The topic's partition count (0: not partitioned), asked of a service gateway. */
  async partitions(
    topic: string,
    timeoutMs = 10_000,
  ): Promise<{ topic: string; partitions: number }> {
    const response = await this.ask<GetPartitionsResponse__Output>(
      timeoutMs,
      (client, options, done) => client.GetPartitions({ topic }, options, done),
    );
    return { topic: response.topic || topic, partitions: response.partitions };
  }

  /** One call to a service gateway; one that fails as if gone sends the next call to another. */
  private ask<Res>(
    timeoutMs: number,
    invoke: (
      client: MessagingClient,
      options: CallOptions,
      done: (error: ServiceError | null, response?: Res) => void,
    ) => void,
  ): Promise<Res> {
    const address = this.serviceAddresses[this.next % this.serviceAddresses.length] as string;
    return new Promise((resolve, reject) =>
      invoke(this.get(address), { deadline: Date.now() + timeoutMs }, (error, response) => {
        if (!error && response) {
          resolve(response);
          return;
        }
        const failure = fromServiceError(error as ServiceError);
        if (failure.retriable) this.next++;
        reject(failure);
      }),
    );
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
