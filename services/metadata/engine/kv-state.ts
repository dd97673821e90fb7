import { BTree } from '../../common/btree.js';
import { BadVersionError, LeaseNotFoundError } from '../../common/errors.js';
import type { TxnOpResult, TxnRequest } from '../metadata-store.js';
import { compareKeys } from './key-order.js';

export interface KeyRecord {
  value: Buffer;
  version: number;
  createRevision: number;
  /** 0 when not attached to a lease. */
  lease: number;
}

export interface LeaseRecord {
  ttlMs: number;
  /** performance.now() after which the lease has expired. */
  deadline: number;
  keys: Set<string>;
}

export type EngineEvent =
  { type: 'put'; key: string; record: KeyRecord } | { type: 'delete'; key: string };

export interface RevisionEvents {
  revision: number;
  events: EngineEvent[];
}

/**
 * Everything one group commit changes, in the order it was decided. The persistence layer writes
 * it atomically; only then is it applied to the committed state and shown to readers and watchers.
 */
export class Draft {
  readonly keys = new Map<string, KeyRecord | null>();
  /** New leases (their TTL) and revoked ones (null). */
  readonly leases = new Map<number, { ttlMs: number } | null>();
  readonly revisions: RevisionEvents[] = [];
  revision: number;
  nextLease: number;

  constructor(private readonly state: KvState) {
    this.revision = state.revision;
    this.nextLease = state.nextLease;
  }

  get isEmpty(): boolean {
    return this.keys.size === 0 && this.leases.size === 0 && this.revisions.length === 0;
  }

  key(key: string): KeyRecord | undefined {
    const drafted = this.keys.get(key);
    if (drafted !== undefined) return drafted ?? undefined;
    return this.state.keys.get(key);
  }

  hasLease(id: number): boolean {
    const drafted = this.leases.get(id);
    if (drafted !== undefined) return drafted !== null;
    return this.state.leases.has(id);
  }

  /** Keys attached to the lease as this draft sees them. */
  leaseKeys(id: number): string[] {
    const candidates = new Set(this.state.leases.get(id)?.keys ?? []);
    for (const [key, record] of this.keys) if (record?.lease === id) candidates.add(key);
    return [...candidates].filter((key) => this.key(key)?.lease === id).sort(compareKeys);
  }

  /** Validates a transaction against this draft and records its effects; all or nothing. */
  txn(request: TxnRequest): { revision: number; results: TxnOpResult[] } {
    for (const check of request.checks ?? []) this.expect(check.key, check.expectedVersion);
    for (const op of request.ops) {
      if (op.expectedVersion !== undefined) this.expect(op.key, op.expectedVersion);
      if (op.type === 'put' && op.leaseId !== undefined && !this.hasLease(Number(op.leaseId))) {
        throw new LeaseNotFoundError(op.leaseId);
      }
    }
    const willChange = request.ops.some(
      (op) => op.type === 'put' || this.key(op.key) !== undefined,
    );
    if (!willChange) {
      return {
        revision: this.revision,
        results: request.ops.map(() => ({ version: 0, deleted: false })),
      };
    }
    const revision = this.revision + 1;
    const events: EngineEvent[] = [];
    const results = request.ops.map((op): TxnOpResult => {
      const current = this.key(op.key);
      if (op.type === 'delete') {
        if (current === undefined) return { version: 0, deleted: false };
        this.keys.set(op.key, null);
        events.push({ type: 'delete', key: op.key });
        return { version: 0, deleted: true };
      }
      const record: KeyRecord = {
        value: Buffer.from(op.value),
        version: revision,
        createRevision: current?.createRevision ?? revision,
        lease: op.leaseId === undefined ? 0 : Number(op.leaseId),
      };
      this.keys.set(op.key, record);
      events.push({ type: 'put', key: op.key, record });
      return { version: revision, deleted: false };
    });
    this.revision = revision;
    this.revisions.push({ revision, events });
    return { revision, results };
  }

  grant(ttlMs: number): number {
    const id = this.nextLease++;
    this.leases.set(id, { ttlMs });
    return id;
  }

  /** Removes the lease and deletes its keys in one revision. Returns false for an unknown lease. */
  revoke(id: number): { found: boolean; revision: number } {
    if (!this.hasLease(id)) return { found: false, revision: this.revision };
    const keys = this.leaseKeys(id);
    this.leases.set(id, null);
    if (keys.length === 0) return { found: true, revision: this.revision };
    const revision = ++this.revision;
    for (const key of keys) this.keys.set(key, null);
    this.revisions.push({ revision, events: keys.map((key) => ({ type: 'delete', key })) });
    return { found: true, revision };
  }

  private expect(key: string, expectedVersion: number): void {
    const actual = this.key(key)?.version ?? 0;
    if (actual !== expectedVersion) throw new BadVersionError(key, expectedVersion, actual);
  }
}

/** The committed key space and lease table, in memory; the source of every read. */
export class KvState {
  readonly keys = new BTree<string, KeyRecord>(undefined, compareKeys);
  readonly leases = new Map<number, LeaseRecord>();
  revision = 0;
  nextLease = 1;

  draft(): Draft {
    return new Draft(this);
  }

  /** Makes a persisted draft visible. `now` starts the TTL of newly granted leases. */
  apply(draft: Draft, now: number): void {
    for (const [id, lease] of draft.leases) {
      if (lease === null) this.leases.delete(id);
      else
        this.leases.set(id, { ttlMs: lease.ttlMs, deadline: now + lease.ttlMs, keys: new Set() });
    }
    for (const [key, record] of draft.keys) {
      const previous = this.keys.get(key);
      if (previous?.lease) this.leases.get(previous.lease)?.keys.delete(key);
      if (record === null) {
        this.keys.delete(key);
        continue;
      }
      this.keys.set(key, record);
      if (record.lease) this.leases.get(record.lease)?.keys.add(key);
    }
    this.revision = draft.revision;
    this.nextLease = draft.nextLease;
  }

  /** Loads one persisted key at startup (before any draft exists). */
  restoreKey(key: string, record: KeyRecord): void {
    this.keys.set(key, record);
    if (record.lease) this.leases.get(record.lease)?.keys.add(key);
  }
}
