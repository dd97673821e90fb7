/**
 * The one interface every role uses to reach cluster metadata. Backends: memory, strata (our
 * metadata service), etcd. They pass the same contract suite (test/metadata/contract.ts).
 *
 * Versions are store revisions: a key's version is the revision that last modified it. Revisions
 * only grow, so a version is never reused, even after delete and re-create.
 */

/** Opaque lease id (etcd's are 64-bit integers, beyond JavaScript's safe range). */
export type LeaseId = string;

/** `expectedVersion: MUST_NOT_EXIST` makes a put create-only. */
export const MUST_NOT_EXIST = 0;

export interface KeyValue {
  key: string;
  value: Buffer;
  /** Revision of the last modification. */
  version: number;
  createRevision: number;
  /** Set for an ephemeral key. */
  leaseId?: LeaseId;
}

export interface PutOptions {
  /** The version the key must have now; MUST_NOT_EXIST for create-only. Unset: unconditional. */
  expectedVersion?: number;
  /** Attach the key to this lease: it is deleted when the lease expires or is revoked. */
  leaseId?: LeaseId;
}

export interface DeleteOptions {
  expectedVersion?: number;
}

export interface PutResult {
  version: number;
  revision: number;
}

export interface DeleteResult {
  deleted: boolean;
  revision: number;
}

export interface ListOptions {
  /** Resume after this key: the last key of the previous page. */
  startAfter?: string;
  /** Page size; the backend may return fewer (it also caps a page by bytes). */
  limit?: number;
}

export interface ListPage {
  items: KeyValue[];
  /** More keys follow: call again with startAfter = the last item's key. */
  more: boolean;
  revision: number;
}

export type TxnOp =
  | { type: 'put'; key: string; value: Uint8Array; expectedVersion?: number; leaseId?: LeaseId }
  | { type: 'delete'; key: string; expectedVersion?: number };

export interface TxnCheck {
  key: string;
  expectedVersion: number;
}

export interface TxnRequest {
  /** Conditions on keys that are not written. */
  checks?: TxnCheck[];
  ops: TxnOp[];
}

export interface TxnOpResult {
  /** For a put, the new version; for a delete, 0. */
  version: number;
  /** For a delete, whether the key existed. */
  deleted: boolean;
}

export interface TxnResult {
  revision: number;
  results: TxnOpResult[];
}

export interface Lease {
  id: LeaseId;
  /** The TTL the backend granted (etcd rounds up to whole seconds and has a minimum). */
  ttlMs: number;
}

export type WatchEvent =
  | { type: 'put'; kv: KeyValue; revision: number }
  | { type: 'delete'; key: string; revision: number };

export interface WatchOptions {
  /** Deliver events from this revision on (inclusive). Unset: only what happens after the start. */
  fromRevision?: number;
}

/**
 * Events in commit order. Iteration throws CompactedError when fromRevision is older than the
 * retained history, and ends when close() is called. Backends reconnect by themselves, resuming
 * after the last delivered revision, so no event is missed or repeated.
 */
export interface Watch extends AsyncIterable<WatchEvent> {
  /** Resolves with the revision the watch started from, once the backend has set it up. */
  readonly ready: Promise<number>;
  close(): void;
}

export interface MetadataStore {
  get(key: string): Promise<KeyValue | undefined>;
  put(key: string, value: Uint8Array, options?: PutOptions): Promise<PutResult>;
  delete(key: string, options?: DeleteOptions): Promise<DeleteResult>;
  list(prefix: string, options?: ListOptions): Promise<ListPage>;
  /** All-or-nothing across keys; throws BadVersionError naming the first key that failed. */
  txn(request: TxnRequest): Promise<TxnResult>;
  grantLease(ttlMs: number): Promise<Lease>;
  /** Renews the lease for its full TTL; throws LeaseNotFoundError once it has expired. */
  keepAlive(leaseId: LeaseId): Promise<{ ttlMs: number }>;
  /** Revokes the lease and deletes its keys. Throws LeaseNotFoundError for an unknown lease. */
  revokeLease(leaseId: LeaseId): Promise<void>;
  watch(prefix: string, options?: WatchOptions): Watch;
  close(): Promise<void>;
}
