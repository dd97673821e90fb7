import type {
  ManagedLedgerInfo,
  ManagedLedgerInfo__Output,
} from '../../proto/generated/strata/gateway/v1/ManagedLedgerInfo.js';
import { loadMessageCodec } from '../../proto/load.js';
import { BadVersionError } from '../../services/common/errors.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import {
  MUST_NOT_EXIST,
  type MetadataStore,
  type TxnCheck,
} from '../../services/metadata/metadata-store.js';

export type ManagedLedgerInfoData = ManagedLedgerInfo__Output;

const codec = loadMessageCodec<ManagedLedgerInfo, ManagedLedgerInfo__Output>(
  'strata/gateway/v1/topic_state.proto',
  'strata.gateway.v1.ManagedLedgerInfo',
);

/** The ledger list of a topic that has no ledger yet. */
export function newManagedLedgerInfo(): Buffer {
  return codec.encode({ ledgers: [], createdAtMs: Date.now(), properties: {} });
}

/** A topic's ledger list as stored, for a gateway that does not own it (stats). */
export async function readManagedLedgerInfo(
  store: MetadataStore,
  path: string,
): Promise<ManagedLedgerInfoData | undefined> {
  const kv = await store.get(clusterKeys.topic(path));
  return kv ? codec.decode(kv.value) : undefined;
}

export interface VersionedInfo {
  info: ManagedLedgerInfoData;
  version: number;
}

/**
 * A topic's ledger list in the metadata store. Every change is a compare-and-set, together with
 * the owner's guard checks (its ownership key), so an owner that lost the topic cannot change it.
 */
export class ManagedLedgerStore {
  constructor(
    private readonly store: MetadataStore,
    private readonly path: string,
    private readonly guard: () => TxnCheck[],
    /** What creating the topic also requires (its namespace exists...), checked in the same txn. */
    private readonly creationChecks: () => Promise<TxnCheck[]> = async () => [],
  ) {}

  /** Reads the ledger list, creating an empty one for a new topic. */
  async load(): Promise<VersionedInfo> {
    const key = clusterKeys.topic(this.path);
    for (;;) {
      const kv = await this.store.get(key);
      if (kv) return { info: codec.decode(kv.value), version: kv.version };
      const info: ManagedLedgerInfoData = { ledgers: [], createdAtMs: Date.now(), properties: {} };
      const guard = this.guard();
      try {
        const { revision } = await this.store.txn({
          checks: [...guard, ...(await this.creationChecks())],
          ops: [{ type: 'put', key, value: codec.encode(info), expectedVersion: MUST_NOT_EXIST }],
        });
        return { info, version: revision };
      } catch (error) {
        // Created meanwhile, or what creation depends on changed: look again. Only a failed
        // guard (another owner) ends it.
        if (!(error instanceof BadVersionError) || guard.some((c) => c.key === error.key))
          throw error;
      }
    }
  }

  /** Writes `info` if the list is still at `version`; returns the new version. */
  async update(info: ManagedLedgerInfoData, version: number): Promise<number> {
    const { revision } = await this.store.txn({
      checks: this.guard(),
      ops: [
        {
          type: 'put',
          key: clusterKeys.topic(this.path),
          value: codec.encode(info),
          expectedVersion: version,
        },
      ],
    });
    return revision;
  }
}
