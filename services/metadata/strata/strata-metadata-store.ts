import { credentials, type CallOptions, type ServiceError } from '@grpc/grpc-js';
import type { GetResponse__Output } from '../../../proto/generated/strata/metadata/v1/GetResponse.js';
import type { LeaseGrantResponse__Output } from '../../../proto/generated/strata/metadata/v1/LeaseGrantResponse.js';
import type { LeaseKeepAliveResponse__Output } from '../../../proto/generated/strata/metadata/v1/LeaseKeepAliveResponse.js';
import type { ListResponse__Output } from '../../../proto/generated/strata/metadata/v1/ListResponse.js';
import type { MetadataClient } from '../../../proto/generated/strata/metadata/v1/Metadata.js';
import { fromServiceError } from '../../common/grpc-errors.js';
import {
  validateKey,
  validateLeaseId,
  validatePageSize,
  validatePrefix,
  validateTtl,
  validateTxn,
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
import { MAX_GRPC_MESSAGE_BYTES, metadataGrpc } from '../metadata-grpc.js';
import { expectToWire, kvFromWire, leaseToWire, txnToWire } from '../wire.js';
import { StrataWatch } from './strata-watch.js';

export interface StrataStoreOptions {
  /** Deadline of each request. */
  requestTimeoutMs?: number;
}

type Callback<Res> = (error: ServiceError | null, response?: Res) => void;

/** The `strata://host:port` backend: a client of our metadata service. */
export class StrataMetadataStore implements MetadataStore {
  private readonly client: MetadataClient;
  private readonly timeoutMs: number;

  constructor(address: string, options: StrataStoreOptions = {}) {
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.client = new metadataGrpc.Metadata(address, credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_GRPC_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_GRPC_MESSAGE_BYTES,
      // Notice a dead or frozen server on an idle watch, and reconnect quickly after a restart.
      'grpc.keepalive_time_ms': 10_000,
      'grpc.keepalive_timeout_ms': 5_000,
      'grpc.initial_reconnect_backoff_ms': 100,
      'grpc.max_reconnect_backoff_ms': 2_000,
    });
  }

  async get(key: string): Promise<KeyValue | undefined> {
    validateKey(key);
    const response = await this.unary<GetResponse__Output>((o, cb) =>
      this.client.Get({ key }, o, cb),
    );
    return response.kv ? kvFromWire(response.kv) : undefined;
  }

  async put(key: string, value: Uint8Array, options: PutOptions = {}): Promise<PutResult> {
    validateTxn({ ops: [{ type: 'put', key, value, ...options }] });
    const request = {
      key,
      value,
      expect: expectToWire(options.expectedVersion),
      lease: leaseToWire(options.leaseId),
    };
    return this.unary((o, cb) => this.client.Put(request, o, cb));
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<DeleteResult> {
    validateTxn({ ops: [{ type: 'delete', key, ...options }] });
    const request = { key, expect: expectToWire(options.expectedVersion) };
    return this.unary((o, cb) => this.client.Delete(request, o, cb));
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    validatePrefix(prefix);
    const request = {
      prefix,
      startAfter: options.startAfter ?? '',
      limit: validatePageSize(options.limit),
    };
    const response = await this.unary<ListResponse__Output>((o, cb) =>
      this.client.List(request, o, cb),
    );
    return {
      items: response.kvs.map(kvFromWire),
      more: response.more,
      revision: response.revision,
    };
  }

  async txn(request: TxnRequest): Promise<TxnResult> {
    validateTxn(request);
    const wire = txnToWire(request);
    return this.unary((o, cb) => this.client.Txn(wire, o, cb));
  }

  async grantLease(ttlMs: number): Promise<Lease> {
    validateTtl(ttlMs);
    const response = await this.unary<LeaseGrantResponse__Output>((o, cb) =>
      this.client.LeaseGrant({ ttlMs }, o, cb),
    );
    return { id: String(response.lease), ttlMs: response.ttlMs };
  }

  async keepAlive(leaseId: LeaseId): Promise<{ ttlMs: number }> {
    const lease = leaseToWire(validateLeaseId(leaseId));
    const response = await this.unary<LeaseKeepAliveResponse__Output>((o, cb) =>
      this.client.LeaseKeepAlive({ lease }, o, cb),
    );
    return { ttlMs: response.ttlMs };
  }

  async revokeLease(leaseId: LeaseId): Promise<void> {
    const lease = leaseToWire(validateLeaseId(leaseId));
    await this.unary((o, cb) => this.client.LeaseRevoke({ lease }, o, cb));
  }

  watch(prefix: string, options: WatchOptions = {}): Watch {
    validatePrefix(prefix);
    return new StrataWatch(this.client, prefix, options.fromRevision);
  }

  close(): Promise<void> {
    this.client.close();
    return Promise.resolve();
  }

  private unary<Res>(
    send: (options: CallOptions, callback: Callback<Res>) => unknown,
  ): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      send({ deadline: Date.now() + this.timeoutMs }, (error, response) => {
        if (error) reject(fromServiceError(error));
        else resolve(response as Res);
      });
    });
  }
}
