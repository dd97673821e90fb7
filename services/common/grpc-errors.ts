import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import {
  BadVersionError,
  CancelledError,
  CompactedError,
  InternalError,
  InvalidArgumentError,
  LeaseNotFoundError,
  NotFoundError,
  NotOwnerError,
  ResourceExhaustedError,
  TimeoutError,
  UnavailableError,
  StrataError,
  asStrataError,
  type ErrorCode,
} from './errors.js';

export const ERROR_CODE_TRAILER = 'strata-error-code';
export const ERROR_DETAIL_TRAILER = 'strata-error-detail';
/** The owning gateway's address, on a NOT_OWNER redirect. */
export const OWNER_TRAILER = 'strata-owner';

/** The structured fields some errors carry across the wire, so the client rebuilds the same type. */
function detailOf(error: StrataError): Record<string, string | number> | undefined {
  if (error instanceof BadVersionError) {
    return { key: error.key, expected: error.expectedVersion, actual: error.actualVersion };
  }
  if (error instanceof CompactedError) {
    return { requested: error.requestedRevision, oldest: error.oldestRevision };
  }
  if (error instanceof LeaseNotFoundError) return { lease: error.leaseId };
  if (error instanceof NotOwnerError) return { topic: error.topic, owner: error.ownerAddress };
  return undefined;
}

/** What a server handler passes to its callback (or emits on a stream) for any thrown error. */
export function toServiceError(error: unknown): Partial<StatusObject> {
  const strata = asStrataError(error);
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_TRAILER, strata.code);
  const detail = detailOf(strata);
  if (detail) metadata.set(ERROR_DETAIL_TRAILER, JSON.stringify(detail));
  if (strata instanceof NotOwnerError && strata.ownerAddress)
    metadata.set(OWNER_TRAILER, strata.ownerAddress);
  return { code: strata.grpcStatus, details: strata.message, metadata };
}

function parseDetail(metadata: Metadata | undefined): Record<string, unknown> {
  const raw = metadata?.get(ERROR_DETAIL_TRAILER)[0];
  if (typeof raw !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Turns a gRPC failure seen by a client back into the typed error the server raised. */
export function fromServiceError(error: ServiceError | Error): StrataError {
  const service = error as Partial<ServiceError>;
  const code = service.metadata?.get(ERROR_CODE_TRAILER)[0] as ErrorCode | undefined;
  const message = service.details || error.message;
  const cause = { cause: error };
  const detail = parseDetail(service.metadata);
  switch (code) {
    case 'BAD_VERSION':
      return new BadVersionError(
        String(detail.key ?? ''),
        num(detail.expected),
        num(detail.actual),
        cause,
      );
    case 'COMPACTED':
      return new CompactedError(num(detail.requested), num(detail.oldest), cause);
    case 'LEASE_NOT_FOUND':
      return new LeaseNotFoundError(String(detail.lease ?? ''), cause);
    case 'NOT_OWNER':
      return new NotOwnerError(String(detail.topic ?? ''), String(detail.owner ?? ''), cause);
    case 'INVALID_ARGUMENT':
      return new InvalidArgumentError(message, cause);
    case 'NOT_FOUND':
      return new NotFoundError(message, cause);
    case 'RESOURCE_EXHAUSTED':
      return new ResourceExhaustedError(message, cause);
    case undefined:
      break;
    default:
      // A Strata code without a class of its own here: keep the code, so callers can tell it apart.
      return new StrataError(
        code,
        service.code ?? status.UNKNOWN,
        message,
        service.code === status.UNAVAILABLE,
        cause,
      );
  }
  // No Strata code: the failure came from the transport or from something that is not ours.
  switch (service.code) {
    case status.UNAVAILABLE:
      return new UnavailableError(message, cause);
    case status.DEADLINE_EXCEEDED:
      return new TimeoutError(message, cause);
    case status.CANCELLED:
      return new CancelledError(message, cause);
    case status.INVALID_ARGUMENT:
      return new InvalidArgumentError(message, cause);
    case status.NOT_FOUND:
      return new NotFoundError(message, cause);
    case status.RESOURCE_EXHAUSTED:
      return new ResourceExhaustedError(message, cause);
    default:
      return new InternalError(message, cause);
  }
}
