import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../services/common/logger.js';
import type { GatewayMetrics } from './gateway-metrics.js';

export interface GatewayHttpContext {
  metrics: GatewayMetrics;
  /** Owned topics, for the admin listing. */
  topics: () => string[];
  logger: Logger;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * The gateway's HTTP port: Prometheus metrics, a health check, and the admin endpoints built so far
 * (the full admin API comes with the CLI issue).
 */
export async function startGatewayHttp(
  host: string,
  port: number,
  ctx: GatewayHttpContext,
): Promise<{ port: number; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') {
      json(res, 405, {
        error: 'METHOD_NOT_ALLOWED',
        message: `${req.method} is not supported here`,
      });
      return;
    }
    if (path === '/metrics') {
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
    if (path === '/health') {
      json(res, 200, { status: 'ok' });
      return;
    }
    if (path === '/admin/v1/owned-topics') {
      json(res, 200, { topics: ctx.topics() });
      return;
    }
    json(res, 404, { error: 'NOT_FOUND', message: `no such path ${JSON.stringify(path)}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : port, server };
}
