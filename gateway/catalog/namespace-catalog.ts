import type { Namespace } from '../../proto/generated/strata/v1/Namespace.js';
import type {
  NamespacePolicies,
  NamespacePolicies__Output,
} from '../../proto/generated/strata/v1/NamespacePolicies.js';
import type { PersistencePolicy__Output } from '../../proto/generated/strata/v1/PersistencePolicy.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import {
  AlreadyExistsError,
  BadVersionError,
  InvalidArgumentError,
  NotFoundError,
} from '../../services/common/errors.js';
import { listAll } from '../../services/metadata/list-all.js';
import {
  MUST_NOT_EXIST,
  type MetadataStore,
  type TxnCheck,
} from '../../services/metadata/metadata-store.js';
import { parseNamespaceName, parseTenantName } from '../topic-name.js';
import { namespaceCodec } from './catalog-codecs.js';
import { deleteIfEmpty } from './delete-if-empty.js';
import type { TenantCatalog } from './tenant-catalog.js';

/** The most nodes a ledger may be spread over. */
const MAX_ENSEMBLE = 16;

/** Policies as given by a client, checked: E >= Qw >= Qa >= 1. */
export function checkPolicies(policies: NamespacePolicies | null | undefined): NamespacePolicies {
  const persistence = policies?.persistence;
  if (!persistence) return { persistence: null };
  const e = Number(persistence.ensembleSize ?? 0);
  const w = Number(persistence.writeQuorum ?? 0);
  const a = Number(persistence.ackQuorum ?? 0);
  if (!(a >= 1 && w >= a && e >= w && e <= MAX_ENSEMBLE) || ![e, w, a].every(Number.isInteger)) {
    throw new InvalidArgumentError(
      `invalid persistence policy E=${e} Qw=${w} Qa=${a}: it must hold ${MAX_ENSEMBLE} >= E >= Qw >= Qa >= 1`,
    );
  }
  return { persistence: { ensembleSize: e, writeQuorum: w, ackQuorum: a } };
}

/** Namespaces (`tenant/namespace`): they hold topics and the policies the topics follow. */
export class NamespaceCatalog {
  constructor(
    private readonly store: MetadataStore,
    private readonly tenants: TenantCatalog,
  ) {}

  async create(name: string, policies?: NamespacePolicies | null): Promise<Namespace> {
    const { tenant, full } = parseNamespaceName(name);
    const checked = checkPolicies(policies);
    const createdAtMs = Date.now();
    for (;;) {
      const tenantCheck = await this.tenants.existenceCheck(tenant);
      const key = clusterKeys.namespace(full);
      try {
        await this.store.txn({
          checks: [tenantCheck],
          ops: [
            {
              type: 'put',
              key,
              value: namespaceCodec.encode({ policies: checked, createdAtMs }),
              expectedVersion: MUST_NOT_EXIST,
            },
          ],
        });
        return { name: full, policies: checked, createdAtMs };
      } catch (error) {
        if (!(error instanceof BadVersionError)) throw error;
        if (error.key === key) throw new AlreadyExistsError(`namespace ${full} already exists`);
        // The tenant changed meanwhile (a delete started): look at it again.
      }
    }
  }

  async get(name: string): Promise<Namespace & { policies: NamespacePolicies__Output }> {
    const { full } = parseNamespaceName(name);
    const kv = await this.store.get(clusterKeys.namespace(full));
    if (!kv) throw new NotFoundError(`namespace ${full} does not exist`);
    const record = namespaceCodec.decode(kv.value);
    return {
      name: full,
      policies: record.policies ?? { persistence: null },
      createdAtMs: record.createdAtMs,
    };
  }

  async list(tenantName: string): Promise<string[]> {
    const tenant = parseTenantName(tenantName);
    await this.tenants.get(tenant);
    const prefix = clusterKeys.namespaces(tenant);
    const names: string[] = [];
    for await (const kv of listAll(this.store, prefix)) {
      names.push(`${tenant}/${kv.key.slice(prefix.length)}`);
    }
    return names;
  }

  async setPolicies(
    name: string,
    policies: NamespacePolicies | null | undefined,
  ): Promise<Namespace> {
    const { full } = parseNamespaceName(name);
    const checked = checkPolicies(policies);
    const key = clusterKeys.namespace(full);
    for (;;) {
      const kv = await this.store.get(key);
      if (!kv) throw new NotFoundError(`namespace ${full} does not exist`);
      const record = namespaceCodec.decode(kv.value);
      try {
        await this.store.put(key, namespaceCodec.encode({ ...record, policies: checked }), {
          expectedVersion: kv.version,
        });
        return { name: full, policies: checked, createdAtMs: record.createdAtMs };
      } catch (error) {
        if (!(error instanceof BadVersionError)) throw error;
      }
    }
  }

  /** Refused while the namespace has topics (partitioned or not). */
  async delete(name: string): Promise<void> {
    const { full } = parseNamespaceName(name);
    await deleteIfEmpty(
      this.store,
      clusterKeys.namespace(full),
      [
        { prefix: clusterKeys.topics(full), what: 'topics' },
        { prefix: clusterKeys.partitionedTopics(full), what: 'partitioned topics' },
      ],
      `namespace ${full}`,
    );
  }

  /**
   * What a topic created in the namespace needs: a check that the namespace still exists as it is
   * now, and its persistence policy (null: the gateway's defaults).
   */
  async forTopicCreation(
    namespace: string,
  ): Promise<{ check: TxnCheck; persistence: PersistencePolicy__Output | null }> {
    const key = clusterKeys.namespace(namespace);
    const kv = await this.store.get(key);
    if (!kv) throw new NotFoundError(`namespace ${namespace} does not exist`);
    return {
      check: { key, expectedVersion: kv.version },
      persistence: namespaceCodec.decode(kv.value).policies?.persistence ?? null,
    };
  }
}
