import type { Expectation__Output } from '../../proto/generated/strata/metadata/v1/Expectation.js';
import type {
  KeyValue as WireKeyValue,
  KeyValue__Output as WireKeyValueOut,
} from '../../proto/generated/strata/metadata/v1/KeyValue.js';
import type { TxnRequest as WireTxnRequest } from '../../proto/generated/strata/metadata/v1/TxnRequest.js';
import type { TxnRequest__Output as WireTxnRequestOut } from '../../proto/generated/strata/metadata/v1/TxnRequest.js';
import type { WatchEvent__Output as WireWatchEventOut } from '../../proto/generated/strata/metadata/v1/WatchEvent.js';
import type { WatchEvent as WireWatchEvent } from '../../proto/generated/strata/metadata/v1/WatchEvent.js';
import { InvalidArgumentError } from '../common/errors.js';
import type { KeyValue, TxnOp, TxnRequest, WatchEvent } from './metadata-store.js';

// Conversions between the metadata service's messages and MetadataStore types, used by both the
// server and its client so the two cannot drift apart.

/** Lease ids travel as uint64; 0 means none. */
export function leaseToWire(leaseId: string | undefined): number {
  return leaseId === undefined ? 0 : Number(leaseId);
}

export function leaseFromWire(lease: number): string | undefined {
  return lease ? String(lease) : undefined;
}

export function expectToWire(version: number | undefined): { version: number } | null {
  return version === undefined ? null : { version };
}

export function expectFromWire(expect: Expectation__Output | null | undefined): number | undefined {
  return expect ? expect.version : undefined;
}

export function kvToWire(kv: KeyValue): WireKeyValue {
  return {
    key: kv.key,
    value: kv.value,
    version: kv.version,
    createRevision: kv.createRevision,
    lease: leaseToWire(kv.leaseId),
  };
}

export function kvFromWire(kv: WireKeyValueOut): KeyValue {
  const result: KeyValue = {
    key: kv.key,
    value: kv.value,
    version: kv.version,
    createRevision: kv.createRevision,
  };
  const leaseId = leaseFromWire(kv.lease);
  if (leaseId !== undefined) result.leaseId = leaseId;
  return result;
}

export function txnToWire(request: TxnRequest): WireTxnRequest {
  return {
    checks: (request.checks ?? []).map((c) => ({
      key: c.key,
      expect: { version: c.expectedVersion },
    })),
    ops: request.ops.map((op) =>
      op.type === 'put'
        ? {
            put: {
              key: op.key,
              value: op.value,
              expect: expectToWire(op.expectedVersion),
              lease: leaseToWire(op.leaseId),
            },
          }
        : { delete: { key: op.key, expect: expectToWire(op.expectedVersion) } },
    ),
  };
}

export function txnFromWire(request: WireTxnRequestOut): TxnRequest {
  const checks = request.checks.map((check) => {
    const expectedVersion = expectFromWire(check.expect);
    if (expectedVersion === undefined) {
      throw new InvalidArgumentError(
        `check on ${JSON.stringify(check.key)} has no expected version`,
      );
    }
    return { key: check.key, expectedVersion };
  });
  const ops = request.ops.map((op): TxnOp => {
    if (op.put) {
      const put: TxnOp = { type: 'put', key: op.put.key, value: op.put.value };
      const expectedVersion = expectFromWire(op.put.expect);
      if (expectedVersion !== undefined) put.expectedVersion = expectedVersion;
      const leaseId = leaseFromWire(op.put.lease);
      if (leaseId !== undefined) put.leaseId = leaseId;
      return put;
    }
    if (op.delete) {
      const del: TxnOp = { type: 'delete', key: op.delete.key };
      const expectedVersion = expectFromWire(op.delete.expect);
      if (expectedVersion !== undefined) del.expectedVersion = expectedVersion;
      return del;
    }
    throw new InvalidArgumentError('a transaction op must be a put or a delete');
  });
  return { checks, ops };
}

export function watchEventToWire(event: WatchEvent): WireWatchEvent {
  return event.type === 'put'
    ? { type: 'PUT', kv: kvToWire(event.kv) }
    : { type: 'DELETE', kv: { key: event.key, version: event.revision } };
}

export function watchEventFromWire(event: WireWatchEventOut, revision: number): WatchEvent {
  const kv = event.kv;
  if (!kv) throw new InvalidArgumentError('watch event without a key');
  return event.type === 'PUT'
    ? { type: 'put', kv: kvFromWire(kv), revision }
    : { type: 'delete', key: kv.key, revision };
}
