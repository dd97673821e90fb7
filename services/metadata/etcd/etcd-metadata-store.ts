import { Etcd3, type ICompare, type IRequestOp, type ITxnResponse } from 'etcd3';
import { BadVersionError, InternalError, LeaseNotFoundError } from '../../common/errors.js';
import { compareKeys } from '../engine/key-order.js';
import {
  validateKey,
  validateLeaseId,
  validatePageSize,
  validatePrefix,
  validateTtl,
  validateTxn,
  validateValue,
} from '../limits.js';
import type {
  DeleteOptions,
  DeleteResult,
  KeyValue,
  Lease,
  LeaseId,
  ListOptions,
  ListPage,
  MetadataStore,
  PutOptions,
  PutResult,
  TxnRequest,
  TxnResult,
  Watch,
  WatchOptions,
} from '../metadata-store.js';
import { fromEtcdError } from './etcd-errors.js';
import { prefixEnd, toKeyValue } from './etcd-keys.js';
import { EtcdWatch } from './etcd-watch.js';

const key = (k: string) => Buffer.from(k, 'utf8');

/** A version precondition as an etcd comparison: version 0 means "never created". */
function compareFor(k: string, expectedVersion: number): ICompare {
  return expectedVersion === 0
    ? { key: key(k), target: 'Create', result: 'Equal', create_revision: 0 }
    : { key: key(k), target: 'Mod', result: 'Equal', mod_revision: expectedVersion };
}

/**
 * The `etcd://h1:2379,h2:2379` backend. Versions are etcd mod revisions, compare-and-set is an etcd
 * transaction, leases and watches are etcd's own.
 */
export class EtcdMetadataStore implements MetadataStore {
  private readonly client: Etcd3;

  constructor(hosts: string[], options: { requestTimeoutMs?: number } = {}) {
    this.client = new Etcd3({
      hosts: hosts.map((h) => `http://${h}`),
      defaultCallOptions: () => ({ deadline: Date.now() + (options.requestTimeoutMs ?? 10_000) }),
      grpcOptions: { 'grpc.max_receive_message_length': 64 * 1024 * 1024 },
    });
  }

  async get(k: string): Promise<KeyValue | undefined> {
    validateKey(k);
    const response = await this.call(() => this.client.kv.range({ key: key(k) }));
    const kv = response.kvs[0];
    return kv ? toKeyValue(kv) : undefined;
  }

  async put(k: string, value: Uint8Array, options: PutOptions = {}): Promise<PutResult> {
    const { revision, results } = await this.txn({
      ops: [{ type: 'put', key: k, value, ...options }],
    });
    return { version: results[0]?.version ?? revision, revision };
  }

  async delete(k: string, options: DeleteOptions = {}): Promise<DeleteResult> {
    const { revision, results } = await this.txn({ ops: [{ type: 'delete', key: k, ...options }] });
    return { deleted: results[0]?.deleted ?? false, revision };
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    validatePrefix(prefix);
    const limit = validatePageSize(options.limit);
    const end = prefix === '' ? Buffer.of(0) : prefixEnd(key(prefix));
    const after = options.startAfter;
    const start =
      after !== undefined && compareKeys(after, prefix) >= 0
        ? Buffer.concat([key(after), Buffer.of(0)])
        : key(prefix || '\0');
    const response = await this.call(() =>
      this.client.kv.range({
        key: start,
        range_end: end,
        limit,
        sort_order: 'Ascend',
        sort_target: 'Key',
      }),
    );
    return {
      items: response.kvs.map(toKeyValue),
      more: response.more,
      revision: Number(response.header.revision),
    };
  }

  async txn(request: TxnRequest): Promise<TxnResult> {
    validateTxn(request);
    const conditions: Array<{ key: string; expectedVersion: number }> = [...(request.checks ?? [])];
    const success: IRequestOp[] = [];
    for (const op of request.ops) {
      if (op.expectedVersion !== undefined)
        conditions.push({ key: op.key, expectedVersion: op.expectedVersion });
      if (op.type === 'put') {
        validateValue(op.value);
        const lease = op.leaseId === undefined ? 0 : validateLeaseId(op.leaseId);
        success.push({ request_put: { key: key(op.key), value: Buffer.from(op.value), lease } });
      } else {
        success.push({ request_delete_range: { key: key(op.key) } });
      }
    }
    // On failure, read back every compared key so the error can name the one that differed.
    const failure: IRequestOp[] = conditions.map((c) => ({ request_range: { key: key(c.key) } }));
    const leaseId = request.ops.find((op) => op.type === 'put' && op.leaseId !== undefined);
    const response = await this.call(
      () =>
        this.client.kv.txn({
          compare: conditions.map((c) => compareFor(c.key, c.expectedVersion)),
          success,
          failure,
        }),
      leaseId?.type === 'put' ? leaseId.leaseId : undefined,
    );
    if (!response.succeeded) throw this.conflict(conditions, response);
    const revision = Number(response.header.revision);
    return {
      revision,
      results: response.responses.map((r, i) =>
        request.ops[i]?.type === 'put'
          ? { version: revision, deleted: false }
          : { version: 0, deleted: Number(r.response_delete_range?.deleted ?? 0) > 0 },
      ),
    };
  }

  async grantLease(ttlMs: number): Promise<Lease> {
    validateTtl(ttlMs);
    const response = await this.call(() =>
      this.client.leaseClient.leaseGrant({ TTL: Math.ceil(ttlMs / 1000) }),
    );
    return { id: String(response.ID), ttlMs: Number(response.TTL) * 1000 };
  }

  async keepAlive(leaseId: LeaseId): Promise<{ ttlMs: number }> {
    validateLeaseId(leaseId);
    const ttl = await this.call(async () => {
      const stream = await this.client.leaseClient.leaseKeepAlive();
      try {
        return await new Promise<string>((resolve, reject) => {
          stream.on('data', (response: { TTL: string }) => resolve(response.TTL));
          stream.on('error', reject);
          stream.on('end', () => reject(new Error('etcd keep-alive stream ended')));
          stream.write({ ID: leaseId });
        });
      } finally {
        stream.end();
      }
    }, leaseId);
    // etcd answers a keep-alive for an expired lease with TTL 0 rather than an error.
    if (Number(ttl) <= 0) throw new LeaseNotFoundError(leaseId);
    return { ttlMs: Number(ttl) * 1000 };
  }

  async revokeLease(leaseId: LeaseId): Promise<void> {
    validateLeaseId(leaseId);
    await this.call(() => this.client.leaseClient.leaseRevoke({ ID: leaseId }), leaseId);
  }

  watch(prefix: string, options: WatchOptions = {}): Watch {
    validatePrefix(prefix);
    return new EtcdWatch(this.client, prefix, options.fromRevision);
  }

  close(): Promise<void> {
    this.client.close();
    return Promise.resolve();
  }

  private conflict(
    conditions: Array<{ key: string; expectedVersion: number }>,
    response: ITxnResponse,
  ) {
    for (const [i, condition] of conditions.entries()) {
      const actual = Number(response.responses[i]?.response_range?.kvs[0]?.mod_revision ?? 0);
      if (actual !== condition.expectedVersion) {
        return new BadVersionError(condition.key, condition.expectedVersion, actual);
      }
    }
    // The failure branch reads atomically with the comparison, so some key must differ.
    return new InternalError('etcd rejected a transaction whose conditions all hold');
  }

  private async call<T>(run: () => Promise<T>, leaseId?: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw fromEtcdError(error, leaseId);
    }
  }
}
