import {
  ServerCredentials,
  type Server,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceError,
} from '@grpc/grpc-js';
import { StrataError } from './errors.js';
import { toServiceError } from './grpc-errors.js';
import { widenServerFlowWindows } from './http2-flow-window.js';
import type { Logger } from './logger.js';

/**
 * Wraps a promise-returning handler as a gRPC unary handler: every failure, thrown or rejected,
 * becomes a status with its Strata code; failures that are not the caller's fault are logged.
 */
export function unaryHandler(logger: Logger, service: string) {
  return <Req, Res>(
      method: string,
      handle: (request: Req, call: ServerUnaryCall<Req, Res>) => Res | Promise<Res>,
    ) =>
    (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
      // Through a promise so that a synchronous throw becomes a status too.
      Promise.resolve(call.request)
        .then((request) => handle(request, call))
        .then(
          (response) => callback(null, response),
          (error: unknown) => {
            if (!(error instanceof StrataError) || error.code === 'INTERNAL') {
              logger.error({ err: error, method }, `${service} request failed`);
            }
            callback(toServiceError(error) as ServiceError);
          },
        );
    };
}

/** Binds an insecure listener; resolves with the port bound (useful with port 0). */
export function bindServer(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, bound) => {
      if (error) {
        reject(error);
        return;
      }
      widenServerFlowWindows(server);
      resolve(bound);
    }),
  );
}

/** Lets calls in flight finish, then forces the rest closed after `graceMs`. */
export function shutdownServer(
  server: Server,
  graceMs = 2_000,
  beforeWait?: () => void,
): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.forceShutdown(), graceMs);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
    beforeWait?.();
  });
}
