import { InvalidArgumentError, NotFoundError } from '../../services/common/errors.js';
import type { AdminContext, AdminOperations } from '../admin/admin-operations.js';
import { parseTopicName } from '../topic-name.js';
import type { HttpRoute } from './http-route.js';

const SEGMENT = '([^/]+)';

function partitionsFrom(body: unknown): number {
  const value =
    typeof body === 'object' && body !== null
      ? (body as { partitions?: unknown }).partitions
      : body;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError('the body must be the partition count, a positive integer');
  }
  return value;
}

/**
 * The admin API over HTTP+JSON, with Pulsar's paths (/admin/v2/tenants, /namespaces,
 * /persistent/...). Each route is the same call the gRPC service makes.
 */
export function adminRoutes(ctx: AdminContext, operations: AdminOperations): HttpRoute[] {
  const route = (method: string, path: string, handle: HttpRoute['handle']): HttpRoute => ({
    method,
    pattern: new RegExp(`^/admin/v2/${path.replaceAll(':s', SEGMENT)}$`),
    handle,
  });
  const topicOf = (p: string[]) => `persistent://${p[0]}/${p[1]}/${p[2]}`;
  return [
    route('GET', 'tenants', () => ctx.tenants.list()),
    route('GET', 'tenants/:s', ({ params }) => ctx.tenants.get(params[0] as string)),
    route('PUT', 'tenants/:s', ({ params }) => ctx.tenants.create(params[0] as string)),
    route('DELETE', 'tenants/:s', ({ params }) => ctx.tenants.delete(params[0] as string)),
    route('GET', 'namespaces/:s', ({ params }) => ctx.namespaces.list(params[0] as string)),
    route('GET', 'namespaces/:s/:s', ({ params }) => ctx.namespaces.get(params.join('/'))),
    route('PUT', 'namespaces/:s/:s', ({ params, body }) =>
      ctx.namespaces.create(params.join('/'), (body ?? undefined) as never),
    ),
    route('PUT', 'namespaces/:s/:s/policies', ({ params, body }) => {
      // `{}` clears them; a missing or non-object body is a mistake, not a reset.
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new InvalidArgumentError('the body must be the policies as a JSON object');
      }
      return ctx.namespaces.setPolicies(params.slice(0, 2).join('/'), body as never);
    }),
    route('DELETE', 'namespaces/:s/:s', ({ params }) => ctx.namespaces.delete(params.join('/'))),
    route('GET', 'persistent/:s/:s', ({ params }) => ctx.catalog.list(params.join('/'))),
    route('PUT', 'persistent/:s/:s/:s', async ({ params }) =>
      ctx.catalog.create(parseTopicName(topicOf(params)), 0),
    ),
    route('PUT', 'persistent/:s/:s/:s/partitions', async ({ params, body }) =>
      ctx.catalog.create(parseTopicName(topicOf(params)), partitionsFrom(body)),
    ),
    route('GET', 'persistent/:s/:s/:s/partitions', ({ params }) =>
      ctx.catalog.get(parseTopicName(topicOf(params))),
    ),
    route('GET', 'persistent/:s/:s/:s/stats', ({ params }) =>
      operations.topicStats(topicOf(params), false),
    ),
    route('DELETE', 'persistent/:s/:s/:s', ({ params, query }) =>
      operations.deleteTopic(topicOf(params), query.get('force') === 'true', false),
    ),
    route('DELETE', 'persistent/:s/:s/:s/partitions', async ({ params, query }) => {
      const name = parseTopicName(topicOf(params));
      if ((await ctx.catalog.partitions(name)) === 0) {
        throw new NotFoundError(`${name.full} is not a partitioned topic`);
      }
      await operations.deleteTopic(name.full, query.get('force') === 'true', false);
    }),
  ];
}
