import {
  ClientClosedError,
  EtcdLeaseInvalidError,
  GRPCCancelledError,
  GRPCDeadlineExceededError,
  GRPCUnavailableError,
} from 'etcd3';
import {
  CancelledError,
  InternalError,
  LeaseNotFoundError,
  StrataError,
  TimeoutError,
  UnavailableError,
} from '../../common/errors.js';

/** Maps what the etcd3 library throws onto Strata's typed errors, keeping it as the cause. */
export function fromEtcdError(error: unknown, leaseId?: string): StrataError {
  if (error instanceof StrataError) return error;
  const cause = { cause: error };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof EtcdLeaseInvalidError || /lease not found/i.test(message)) {
    return new LeaseNotFoundError(leaseId ?? '?', cause);
  }
  if (error instanceof GRPCDeadlineExceededError)
    return new TimeoutError(`etcd: ${message}`, cause);
  if (error instanceof ClientClosedError || error instanceof GRPCCancelledError) {
    return new CancelledError(`etcd: ${message}`, cause);
  }
  // The library's connection pool reports a dead endpoint in several ways; all are worth a retry.
  if (
    error instanceof GRPCUnavailableError ||
    /unavailable|connect|ECONNREFUSED|No connection/i.test(message)
  ) {
    return new UnavailableError(`etcd: ${message}`, cause);
  }
  return new InternalError(`etcd: ${message}`, cause);
}
