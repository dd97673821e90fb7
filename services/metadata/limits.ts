import { InvalidArgumentError } from '../common/errors.js';
import type { TxnRequest } from './metadata-store.js';

/** The limits every backend enforces, the same everywhere so a program does not depend on one. */
export const LIMITS = {
  maxKeyBytes: 4 * 1024,
  maxValueBytes: 1024 * 1024,
  /** etcd's default --max-txn-ops. */
  maxTxnOps: 128,
  /** Keeps a whole txn under etcd's default 1.5 MiB request limit. */
  maxTxnBytes: 1400 * 1024,
  maxTtlMs: 2 ** 31 - 1,
  defaultPageSize: 1000,
  maxPageSize: 10_000,
  /** A list page stops growing once it holds this many value bytes (at least one key is returned). */
  maxPageBytes: 3 * 1024 * 1024,
} as const;

export function validateKey(key: unknown, what = 'key'): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new InvalidArgumentError(`${what} must be a non-empty string`);
  }
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > LIMITS.maxKeyBytes) {
    throw new InvalidArgumentError(`${what} is ${bytes} bytes; the limit is ${LIMITS.maxKeyBytes}`);
  }
  return key;
}

export function validatePrefix(prefix: unknown): string {
  if (typeof prefix !== 'string') throw new InvalidArgumentError('prefix must be a string');
  const bytes = Buffer.byteLength(prefix, 'utf8');
  if (bytes > LIMITS.maxKeyBytes) {
    throw new InvalidArgumentError(`prefix is ${bytes} bytes; the limit is ${LIMITS.maxKeyBytes}`);
  }
  return prefix;
}

export function validateValue(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new InvalidArgumentError('value must be bytes');
  if (value.byteLength > LIMITS.maxValueBytes) {
    throw new InvalidArgumentError(
      `value is ${value.byteLength} bytes; the limit is ${LIMITS.maxValueBytes}`,
    );
  }
  return value;
}

export function validateVersion(version: unknown, what = 'expected version'): number {
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw new InvalidArgumentError(
      `${what} must be a non-negative integer, got ${String(version)}`,
    );
  }
  return version;
}

export function validateTtl(ttlMs: unknown): number {
  if (typeof ttlMs !== 'number' || !Number.isInteger(ttlMs) || ttlMs <= 0) {
    throw new InvalidArgumentError(
      `lease TTL must be a positive number of milliseconds, got ${String(ttlMs)}`,
    );
  }
  if (ttlMs > LIMITS.maxTtlMs) {
    throw new InvalidArgumentError(
      `lease TTL ${ttlMs} ms is over the limit of ${LIMITS.maxTtlMs} ms`,
    );
  }
  return ttlMs;
}

export function validateLeaseId(leaseId: unknown): string {
  if (typeof leaseId !== 'string' || !/^[1-9][0-9]{0,19}$/.test(leaseId)) {
    throw new InvalidArgumentError(
      `lease id must be a positive decimal integer, got ${String(leaseId)}`,
    );
  }
  return leaseId;
}

export function validatePageSize(limit: unknown): number {
  if (limit === undefined || limit === 0) return LIMITS.defaultPageSize;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new InvalidArgumentError(`page size must be a positive integer, got ${String(limit)}`);
  }
  return Math.min(limit, LIMITS.maxPageSize);
}

/** Checks the shape and limits of a transaction; a key may be written only once in it. */
export function validateTxn(request: TxnRequest): void {
  if (typeof request !== 'object' || request === null || !Array.isArray(request.ops)) {
    throw new InvalidArgumentError('a transaction needs a list of ops');
  }
  const checks = request.checks ?? [];
  if (request.ops.length + checks.length === 0) {
    throw new InvalidArgumentError('a transaction needs at least one op or check');
  }
  if (request.ops.length > LIMITS.maxTxnOps || checks.length > LIMITS.maxTxnOps) {
    throw new InvalidArgumentError(
      `a transaction may hold at most ${LIMITS.maxTxnOps} ops and checks`,
    );
  }
  let bytes = 0;
  for (const check of checks) {
    bytes += Buffer.byteLength(validateKey(check.key, 'check key'));
    validateVersion(check.expectedVersion);
  }
  const written = new Set<string>();
  for (const op of request.ops) {
    const key = validateKey(op.key);
    if (written.has(key)) {
      throw new InvalidArgumentError(
        `key ${JSON.stringify(key)} is written twice in one transaction`,
      );
    }
    written.add(key);
    bytes += Buffer.byteLength(key);
    if (op.expectedVersion !== undefined) validateVersion(op.expectedVersion);
    if (op.type === 'put') {
      bytes += validateValue(op.value).byteLength;
      if (op.leaseId !== undefined) validateLeaseId(op.leaseId);
    } else if (op.type !== 'delete') {
      throw new InvalidArgumentError(
        `unknown op type ${JSON.stringify((op as { type: unknown }).type)}`,
      );
    }
  }
  if (bytes > LIMITS.maxTxnBytes) {
    throw new InvalidArgumentError(
      `transaction is ${bytes} bytes; the limit is ${LIMITS.maxTxnBytes}`,
    );
  }
}
