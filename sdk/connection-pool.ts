import { credentials } from '@grpc/grpc-js';
import { messagingGrpc } from '../proto/messaging.js';
import type { MessagingClient } from '../proto/generated/strata/v1/Messaging.js';
import { InvalidArgumentError } from '../services/common/errors.js';
import { fromServiceError } from '../services/common/grpc-errors.js';

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
      });
      this.clients.set(address, client);
    }
    return client;
  }

  /** The owner of a topic, asked of a service gateway (any gateway answers). */
  lookup(topic: string, timeoutMs = 10_000): Promise<{ owner: string; topic: string }> {
    const address = this.serviceAddresses[this.next % this.serviceAddresses.length] as string;
    return new Promise((resolve, reject) =>
      this.get(address).Lookup(
        { topic },
        { deadline: Date.now() + timeoutMs },
        (error, response) => {
          if (!error) {
            resolve({ owner: response?.ownerAddress ?? '', topic: response?.topic ?? topic });
            return;
          }
          const failure = fromServiceError(error);
          // That gateway may be gone: the next lookup asks another.
          if (failure.retriable) this.next++;
          reject(failure);
        },
      ),
    );
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
