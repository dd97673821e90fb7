import { status } from '@grpc/grpc-js';

/**
 * Stable, machine-readable error codes. They travel in the `strata-error-code` trailer and never
 * change meaning once released.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'LEASE_NOT_FOUND'
  | 'BAD_VERSION'
  | 'COMPACTED'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'RESOURCE_EXHAUSTED'
  | 'LEASE_LOST'
  | 'LEDGER_NOT_FOUND'
  | 'LEDGER_CLOSED'
  | 'LEDGER_FENCED'
  | 'ENTRY_TOO_LARGE'
  | 'ENTRY_ID_GAP'
  | 'ENTRY_UNAVAILABLE'
  | 'NOT_ENOUGH_NODES'
  | 'NODE_READ_ONLY'
  | 'TOPIC_CLOSED'
  | 'TOPIC_FENCED'
  | 'NOT_OWNER'
  | 'MESSAGE_TOO_LARGE'
  | 'CONSUMER_BUSY'
  | 'PRODUCER_BUSY'
  | 'NOT_IMPLEMENTED'
  | 'ALREADY_EXISTS'
  | 'NOT_EMPTY'
  | 'TOPIC_BUSY'
  | 'INTERNAL';

export interface StrataErrorOptions {
  cause?: unknown;
  retriable?: boolean;
}

/** Every error Strata raises on purpose. `retriable` says whether the same call may succeed later. */
export class StrataError extends Error {
  readonly code: ErrorCode;
  readonly grpcStatus: status;
  readonly retriable: boolean;

  constructor(
    code: ErrorCode,
    grpcStatus: status,
    message: string,
    retriable: boolean,
    options: StrataErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.grpcStatus = grpcStatus;
    this.retriable = options.retriable ?? retriable;
  }
}

export class InvalidArgumentError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('INVALID_ARGUMENT', status.INVALID_ARGUMENT, message, false, options);
  }
}

export class NotFoundError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('NOT_FOUND', status.NOT_FOUND, message, false, options);
  }
}

export class AlreadyExistsError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('ALREADY_EXISTS', status.ALREADY_EXISTS, message, false, options);
  }
}

/** A delete refused because the object still holds others (a tenant's namespaces...). */
export class NotEmptyError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('NOT_EMPTY', status.FAILED_PRECONDITION, message, false, options);
  }
}

export class LeaseNotFoundError extends StrataError {
  constructor(
    readonly leaseId: string,
    options?: StrataErrorOptions,
  ) {
    super(
      'LEASE_NOT_FOUND',
      status.NOT_FOUND,
      `lease ${leaseId} not found (expired or revoked)`,
      false,
      options,
    );
  }
}

/** A compare-and-set lost: the key's version is not the one expected. */
export class BadVersionError extends StrataError {
  constructor(
    readonly key: string,
    readonly expectedVersion: number,
    /** 0 when the key does not exist. */
    readonly actualVersion: number,
    options?: StrataErrorOptions,
  ) {
    super(
      'BAD_VERSION',
      status.FAILED_PRECONDITION,
      `version mismatch on key ${JSON.stringify(key)}: expected ${describeVersion(expectedVersion)}, found ${describeVersion(actualVersion)}`,
      false,
      options,
    );
  }
}

function describeVersion(version: number): string {
  return version === 0 ? 'absent' : String(version);
}

/** A watch asked for history that has been discarded: list again, then watch from there. */
export class CompactedError extends StrataError {
  constructor(
    readonly requestedRevision: number,
    readonly oldestRevision: number,
    options?: StrataErrorOptions,
  ) {
    super(
      'COMPACTED',
      status.OUT_OF_RANGE,
      `revision ${requestedRevision} is compacted; history starts at ${oldestRevision}`,
      false,
      options,
    );
  }
}

export class UnavailableError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('UNAVAILABLE', status.UNAVAILABLE, message, true, options);
  }
}

export class TimeoutError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('TIMEOUT', status.DEADLINE_EXCEEDED, message, true, options);
  }
}

export class CancelledError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('CANCELLED', status.CANCELLED, message, false, options);
  }
}

export class ResourceExhaustedError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('RESOURCE_EXHAUSTED', status.RESOURCE_EXHAUSTED, message, true, options);
  }
}

/** The holder of a lease can no longer prove it is alive: whatever the lease guarded is gone. */
export class LeaseLostError extends StrataError {
  constructor(
    readonly leaseId: string,
    message: string,
    options?: StrataErrorOptions,
  ) {
    super('LEASE_LOST', status.UNAVAILABLE, message, false, options);
  }
}

export class MessageTooLargeError extends StrataError {
  constructor(size: number, limit: number, options?: StrataErrorOptions) {
    super(
      'MESSAGE_TOO_LARGE',
      status.INVALID_ARGUMENT,
      `batch is ${size} bytes; the limit is ${limit}`,
      false,
      options,
    );
  }
}

/** This gateway does not own the topic; `ownerAddress` does (or a new lookup will say who). */
export class NotOwnerError extends StrataError {
  constructor(
    readonly topic: string,
    readonly ownerAddress: string,
    options?: StrataErrorOptions,
  ) {
    super(
      'NOT_OWNER',
      status.FAILED_PRECONDITION,
      ownerAddress
        ? `topic ${topic} is owned by ${ownerAddress}`
        : `topic ${topic} is not owned here; look it up again`,
      true,
      options,
    );
  }
}

export class InternalError extends StrataError {
  constructor(message: string, options?: StrataErrorOptions) {
    super('INTERNAL', status.INTERNAL, message, false, options);
  }
}

export function isRetriable(error: unknown): boolean {
  return error instanceof StrataError && error.retriable;
}

/** Wraps anything thrown into a StrataError, keeping the original as the cause. */
export function asStrataError(error: unknown): StrataError {
  if (error instanceof StrataError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InternalError(message, { cause: error });
}
