import { Level } from 'level';
import { loadMessageCodec } from '../../../proto/load.js';
import type { KeyValue as WireKeyValue } from '../../../proto/generated/strata/metadata/v1/KeyValue.js';
import type {
  StoredKey,
  StoredKey__Output,
} from '../../../proto/generated/strata/metadata/v1/storage/StoredKey.js';
import type {
  StoredLease,
  StoredLease__Output,
} from '../../../proto/generated/strata/metadata/v1/storage/StoredLease.js';
import type {
  StoredMeta,
  StoredMeta__Output,
} from '../../../proto/generated/strata/metadata/v1/storage/StoredMeta.js';
import type {
  StoredRevision,
  StoredRevision__Output,
} from '../../../proto/generated/strata/metadata/v1/storage/StoredRevision.js';
import { KvState, type Draft, type EngineEvent, type RevisionEvents } from './kv-state.js';
import type { LoadedState, Persistence } from './persistence.js';

const FILE = 'strata/metadata/v1/metadata_storage.proto';
const PKG = 'strata.metadata.v1.storage.';
const keyCodec = loadMessageCodec<StoredKey, StoredKey__Output>(FILE, PKG + 'StoredKey');
const leaseCodec = loadMessageCodec<StoredLease, StoredLease__Output>(FILE, PKG + 'StoredLease');
const metaCodec = loadMessageCodec<StoredMeta, StoredMeta__Output>(FILE, PKG + 'StoredMeta');
const revisionCodec = loadMessageCodec<StoredRevision, StoredRevision__Output>(
  FILE,
  PKG + 'StoredRevision',
);

// LevelDB layout. One-byte prefixes keep each family contiguous; numbers are big-endian so that
// byte order is numeric order.
const KEY = 0x6b; // 'k' + UTF-8 key            -> StoredKey
const LEASE = 0x6c; // 'l' + u64 lease id        -> StoredLease
const HISTORY = 0x68; // 'h' + u64 revision      -> StoredRevision (the watch history)
const META = Buffer.from('m'); //                -> StoredMeta

function u64Key(prefix: number, n: number): Buffer {
  const key = Buffer.allocUnsafe(9);
  key[0] = prefix;
  key.writeBigUInt64BE(BigInt(n), 1);
  return key;
}

function textKey(prefix: number, text: string): Buffer {
  return Buffer.concat([Buffer.of(prefix), Buffer.from(text, 'utf8')]);
}

const range = (prefix: number) => ({ gte: Buffer.of(prefix), lt: Buffer.of(prefix + 1) });

function toWireEvent(event: EngineEvent): { type: 'PUT' | 'DELETE'; kv: WireKeyValue } {
  if (event.type === 'delete') return { type: 'DELETE', kv: { key: event.key } };
  const { value, version, createRevision, lease } = event.record;
  return { type: 'PUT', kv: { key: event.key, value, version, createRevision, lease } };
}

function fromWireEvent(event: StoredRevision__Output['events'][number]): EngineEvent {
  const kv = event.kv;
  const key = kv?.key ?? '';
  if (event.type === 'DELETE' || !kv) return { type: 'delete', key };
  return {
    type: 'put',
    key,
    record: {
      value: kv.value,
      version: kv.version,
      createRevision: kv.createRevision,
      lease: kv.lease,
    },
  };
}

/** The metadata service's durable state in LevelDB; every commit is one synced write batch. */
export class LevelPersistence implements Persistence {
  private readonly db: Level<Buffer, Buffer>;
  private persistedFirstRetained = 1;

  constructor(directory: string) {
    this.db = new Level<Buffer, Buffer>(directory, {
      keyEncoding: 'buffer',
      valueEncoding: 'buffer',
    });
  }

  async load(): Promise<LoadedState> {
    await this.db.open();
    const state = new KvState();
    const metaBytes = await this.db.get(META);
    const meta = metaBytes ? metaCodec.decode(metaBytes) : undefined;
    state.revision = meta?.revision ?? 0;
    state.nextLease = meta?.nextLease || 1;
    this.persistedFirstRetained = meta?.oldestHistoryRevision || 1;

    // A restart cannot know how long its leases went unrenewed while it was down: each gets its
    // full TTL from now (etcd does the same on a leader change).
    const now = performance.now();
    for await (const [key, value] of this.db.iterator(range(LEASE))) {
      const { ttlMs } = leaseCodec.decode(value);
      state.leases.set(Number(key.readBigUInt64BE(1)), {
        ttlMs,
        deadline: now + ttlMs,
        keys: new Set(),
      });
    }
    for await (const [key, value] of this.db.iterator(range(KEY))) {
      const stored = keyCodec.decode(value);
      state.restoreKey(key.subarray(1).toString('utf8'), stored);
    }
    const history: RevisionEvents[] = [];
    for await (const value of this.db.values(range(HISTORY))) {
      const stored = revisionCodec.decode(value);
      history.push({ revision: stored.revision, events: stored.events.map(fromWireEvent) });
    }
    return { state, history, firstRetainedRevision: this.persistedFirstRetained };
  }

  async commit(draft: Draft, firstRetainedRevision: number): Promise<void> {
    const batch = this.db.batch();
    for (const [key, record] of draft.keys) {
      if (record === null) batch.del(textKey(KEY, key));
      else batch.put(textKey(KEY, key), keyCodec.encode(record));
    }
    for (const [id, lease] of draft.leases) {
      if (lease === null) batch.del(u64Key(LEASE, id));
      else batch.put(u64Key(LEASE, id), leaseCodec.encode(lease));
    }
    for (const { revision, events } of draft.revisions) {
      batch.put(
        u64Key(HISTORY, revision),
        revisionCodec.encode({ revision, events: events.map(toWireEvent) }),
      );
    }
    // History the engine no longer serves is dropped in the same batch, a bounded step at a time.
    const dropUntil = Math.min(firstRetainedRevision, this.persistedFirstRetained + 4096);
    for (let revision = this.persistedFirstRetained; revision < dropUntil; revision++) {
      batch.del(u64Key(HISTORY, revision));
    }
    batch.put(
      META,
      metaCodec.encode({
        revision: draft.revision,
        nextLease: draft.nextLease,
        oldestHistoryRevision: dropUntil,
      }),
    );
    await batch.write({ sync: true });
    this.persistedFirstRetained = dropUntil;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
