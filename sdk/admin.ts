import { credentials, type ServiceError } from '@grpc/grpc-js';
import { adminGrpc } from '../proto/admin.js';
import type { AdminClient } from '../proto/generated/strata/v1/Admin.js';
import type { Namespace__Output } from '../proto/generated/strata/v1/Namespace.js';
import type { NamespacePolicies } from '../proto/generated/strata/v1/NamespacePolicies.js';
import type { Tenant__Output } from '../proto/generated/strata/v1/Tenant.js';
import type { Topic__Output } from '../proto/generated/strata/v1/Topic.js';
import type { TopicStats__Output } from '../proto/generated/strata/v1/TopicStats.js';
import { InvalidArgumentError } from '../services/common/errors.js';
import { fromServiceError } from '../services/common/grpc-errors.js';

export type Tenant = Tenant__Output;
export type Namespace = Namespace__Output;
export type TopicInfo = Topic__Output;
export type TopicStats = TopicStats__Output;
export type { NamespacePolicies };

export interface AdminOptions {
  /** A gateway, `host:port` (the first of a comma-separated list): any gateway answers. */
  serviceUrl: string;
  /** Per call (15 s). */
  timeoutMs?: number;
}

type Unary = (
  request: object,
  options: { deadline: number },
  callback: (error: ServiceError | null, response?: unknown) => void,
) => unknown;

/**
 * Strata's admin API (proto/strata/v1/admin.proto), like PulsarAdmin: tenants, namespaces, topics
 * and stats. Errors are StrataErrors with the server's code (NOT_FOUND, ALREADY_EXISTS...).
 */
export class StrataAdmin {
  private readonly client: AdminClient;
  private readonly timeoutMs: number;

  constructor(options: AdminOptions) {
    const address = options.serviceUrl
      .replace(/^strata:\/\//, '')
      .split(',')[0]
      ?.trim();
    if (!address) throw new InvalidArgumentError('the service URL names no gateway');
    this.client = new adminGrpc.Admin(address, credentials.createInsecure());
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  private call<Res>(method: keyof AdminClient & string, request: object): Promise<Res> {
    const invoke = (this.client[method] as unknown as Unary).bind(this.client);
    return new Promise((resolve, reject) =>
      invoke(request, { deadline: Date.now() + this.timeoutMs }, (error, response) =>
        error ? reject(fromServiceError(error)) : resolve(response as Res),
      ),
    );
  }

  createTenant(name: string): Promise<Tenant> {
    return this.call('CreateTenant', { name });
  }

  async listTenants(): Promise<string[]> {
    return (await this.call<{ tenants: string[] }>('ListTenants', {})).tenants;
  }

  async deleteTenant(name: string): Promise<void> {
    await this.call('DeleteTenant', { name });
  }

  createNamespace(name: string, policies?: NamespacePolicies): Promise<Namespace> {
    return this.call('CreateNamespace', { name, policies });
  }

  async listNamespaces(tenant: string): Promise<string[]> {
    return (await this.call<{ namespaces: string[] }>('ListNamespaces', { tenant })).namespaces;
  }

  getNamespace(name: string): Promise<Namespace> {
    return this.call('GetNamespace', { name });
  }

  setNamespacePolicies(name: string, policies: NamespacePolicies): Promise<Namespace> {
    return this.call('SetNamespacePolicies', { name, policies });
  }

  async deleteNamespace(name: string): Promise<void> {
    await this.call('DeleteNamespace', { name });
  }

  /** Creates a topic; partitioned when `partitions` > 0. */
  createTopic(topic: string, partitions = 0): Promise<TopicInfo> {
    return this.call('CreateTopic', { topic, partitions });
  }

  getTopic(topic: string): Promise<TopicInfo> {
    return this.call('GetTopic', { topic });
  }

  async listTopics(namespace: string): Promise<TopicInfo[]> {
    return (await this.call<{ topics: TopicInfo[] }>('ListTopics', { namespace })).topics;
  }

  async deleteTopic(topic: string, options: { force?: boolean } = {}): Promise<void> {
    await this.call('DeleteTopic', { topic, force: options.force ?? false });
  }

  topicStats(topic: string): Promise<TopicStats> {
    return this.call('GetTopicStats', { topic });
  }

  close(): void {
    this.client.close();
  }
}

export function createAdmin(options: AdminOptions): StrataAdmin {
  return new StrataAdmin(options);
}
