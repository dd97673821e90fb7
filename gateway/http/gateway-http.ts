import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../services/common/logger.js';
import { InvalidArgumentError, ResourceExhaustedError } from '../../services/common/errors.js';
import { httpStatusOf, type HttpRoute } from './http-route.js';
import type { GatewayMetrics } from './gateway-metrics.js';

export interface GatewayHttpContext {
  metrics: GatewayMetrics;
  /** Owned topics, for the admin listing. */
  topics: () => string[];
  /** The admin API's routes (admin-routes.ts). */
  routes: HttpRoute[];
  logger: Logger;
}

/** Admin request bodies are small JSON documents. */
const MAX_BODY_BYTES = 64 * 1024;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ResourceExhaustedError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidArgumentError('the request body is not valid JSON');
  }
}

/**
 * Runs the route matching the request: its result as JSON (204 when it has none), or the error as
 * {error, message} with the HTTP status for its gRPC status.
 */
async function serveRoute(
  ctx: GatewayHttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  let params: string[] | undefined;
  const matching = ctx.routes.filter((r) => r.pattern.test(url.pathname));
  if (matching.length === 0) return false;
  const route = matching.find((r) => r.method === req.method);
  if (!route) {
    json(res, 405, { error: 'METHOD_NOT_ALLOWED', message: `${req.method} is not supported here` });
    return true;
  }
  try {
    params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        throw new InvalidArgumentError(`bad escape in path segment ${JSON.stringify(p)}`);
      }
    });
    const body = await readBody(req);
    const result = await route.handle({ params, query: url.searchParams, body });
    if (result === undefined) {
      res.writeHead(204);
      res.end();
    } else json(res, 200, result);
  } catch (error) {
    const failure = httpStatusOf(error);
    if (failure.status >= 500 && failure.code === 'INTERNAL')
      ctx.logger.error({ err: error, path: url.pathname }, 'admin request failed');
    json(res, failure.status, { error: failure.code, message: failure.message });
  }
  return true;
}

/** The gateway's HTTP port: Prometheus metrics, a health check, and the admin API. */
export async function startGatewayHttp(
  host: string,
  port: number,
  ctx: GatewayHttpContext,
): Promise<{ port: number; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname.startsWith('/admin/v2/')) {
      serveRoute(ctx, req, res, url).then(
        (served) => {
          if (!served)
            json(res, 404, { error: 'NOT_FOUND', message: `no such path ${url.pathname}` });
        },
        (error: unknown) => {
          ctx.logger.error({ err: error }, 'admin request failed');
          if (!res.headersSent) json(res, 500, { error: 'INTERNAL', message: 'internal error' });
        },
      );
      return;
    }
    if (req.method !== 'GET') {
      json(res, 405, {
        error: 'METHOD_NOT_ALLOWED',
        message: `${req.method} is not supported here`,
      });
      return;
    }
    if (url.pathname === '/metrics') {
      ctx.metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': ctx.metrics.registry.contentType });
          res.end(text);
        },
        (error: unknown) => {
          ctx.logger.error({ err: error }, 'metrics collection failed');
          json(res, 500, { error: 'INTERNAL', message: 'metrics collection failed' });
        },
      );
      return;
    }
    if (url.pathname === '/health') {
      json(res, 200, { status: 'ok' });
      return;
    }
    if (url.pathname === '/admin/v1/owned-topics') {
      json(res, 200, { topics: ctx.topics() });
      return;
    }
    json(res, 404, { error: 'NOT_FOUND', message: `no such path ${JSON.stringify(url.pathname)}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : port, server };
}
