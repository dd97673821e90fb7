import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { AdminHandlers } from '../../proto/generated/strata/v1/Admin.js';
import { unaryHandler } from '../../services/common/grpc-server.js';
import type { Logger } from '../../services/common/logger.js';
import { parseTopicName } from '../topic-name.js';
import type { AdminContext, AdminOperations } from './admin-operations.js';
import { FORWARDED_HEADER } from './owner-forwarder.js';

const forwarded = (call: ServerUnaryCall<unknown, unknown>) =>
  call.metadata.get(FORWARDED_HEADER).length > 0;

/** The Admin gRPC service: each method one call into the catalogs or the admin operations. */
export function createAdminHandlers(
  ctx: AdminContext,
  operations: AdminOperations,
  logger: Logger,
): AdminHandlers {
  const unary = unaryHandler(logger, 'admin');
  return {
    CreateTenant: unary('CreateTenant', ({ name }) => ctx.tenants.create(name)),
    ListTenants: unary('ListTenants', async () => ({ tenants: await ctx.tenants.list() })),
    DeleteTenant: unary('DeleteTenant', async ({ name }) => {
      await ctx.tenants.delete(name);
      return {};
    }),
    CreateNamespace: unary('CreateNamespace', ({ name, policies }) =>
      ctx.namespaces.create(name, policies),
    ),
    ListNamespaces: unary('ListNamespaces', async ({ tenant }) => ({
      namespaces: await ctx.namespaces.list(tenant),
    })),
    GetNamespace: unary('GetNamespace', ({ name }) => ctx.namespaces.get(name)),
    SetNamespacePolicies: unary('SetNamespacePolicies', ({ name, policies }) =>
      ctx.namespaces.setPolicies(name, policies),
    ),
    DeleteNamespace: unary('DeleteNamespace', async ({ name }) => {
      await ctx.namespaces.delete(name);
      return {};
    }),
    CreateTopic: unary('CreateTopic', ({ topic, partitions }) =>
      ctx.catalog.create(parseTopicName(topic), partitions),
    ),
    GetTopic: unary('GetTopic', ({ topic }) => ctx.catalog.get(parseTopicName(topic))),
    ListTopics: unary('ListTopics', async ({ namespace }) => ({
      topics: await ctx.catalog.list(namespace),
    })),
    DeleteTopic: unary('DeleteTopic', async ({ topic, force }, call) => {
      await operations.deleteTopic(topic, force, forwarded(call));
      return {};
    }),
    GetTopicStats: unary('GetTopicStats', ({ topic }, call) =>
      operations.topicStats(topic, forwarded(call)),
    ),
  };
}
