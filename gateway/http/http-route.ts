import { status } from '@grpc/grpc-js';
import { asStrataError } from '../../services/common/errors.js';

/** What a route gets of a request: its path segments, query and JSON body. */
export interface RouteRequest {
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

/** One HTTP route: its result is sent as JSON (204 when it has none). */
export interface HttpRoute {
  method: string;
  pattern: RegExp;
  handle: (request: RouteRequest) => Promise<unknown>;
}

/** HTTP statuses for the gRPC statuses Strata's errors carry. */
const HTTP_STATUS: Partial<Record<status, number>> = {
  [status.INVALID_ARGUMENT]: 400,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.FAILED_PRECONDITION]: 412,
  [status.RESOURCE_EXHAUSTED]: 429,
  [status.UNAVAILABLE]: 503,
  [status.DEADLINE_EXCEEDED]: 504,
  [status.UNIMPLEMENTED]: 501,
};

export function httpStatusOf(error: unknown): { status: number; code: string; message: string } {
  const strata = asStrataError(error);
  return {
    status: HTTP_STATUS[strata.grpcStatus] ?? 500,
    code: strata.code,
    message: strata.message,
  };
}
