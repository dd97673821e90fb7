import type { Tenant } from '../../proto/generated/strata/v1/Tenant.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import {
  AlreadyExistsError,
  BadVersionError,
  NotFoundError,
} from '../../services/common/errors.js';
import { listAll } from '../../services/metadata/list-all.js';
import {
  MUST_NOT_EXIST,
  type MetadataStore,
  type TxnCheck,
} from '../../services/metadata/metadata-store.js';
import { parseTenantName } from '../topic-name.js';
import { tenantCodec } from './catalog-codecs.js';
import { deleteIfEmpty } from './delete-if-empty.js';

/** Tenants: the top of the naming tree. A tenant holds namespaces. */
export class TenantCatalog {
  constructor(private readonly store: MetadataStore) {}

  async create(name: string): Promise<Tenant> {
    const tenant = parseTenantName(name);
    const createdAtMs = Date.now();
    try {
      await this.store.put(clusterKeys.tenant(tenant), tenantCodec.encode({ createdAtMs }), {
        expectedVersion: MUST_NOT_EXIST,
      });
    } catch (error) {
      if (error instanceof BadVersionError)
        throw new AlreadyExistsError(`tenant ${tenant} already exists`);
      throw error;
    }
    return { name: tenant, createdAtMs };
  }

  async get(name: string): Promise<Tenant> {
    const tenant = parseTenantName(name);
    const kv = await this.store.get(clusterKeys.tenant(tenant));
    if (!kv) throw new NotFoundError(`tenant ${tenant} does not exist`);
    return { name: tenant, createdAtMs: tenantCodec.decode(kv.value).createdAtMs };
  }

  async list(): Promise<string[]> {
    const names: string[] = [];
    for await (const kv of listAll(this.store, clusterKeys.tenants)) {
      names.push(kv.key.slice(clusterKeys.tenants.length));
    }
    return names;
  }

  /** Refused while the tenant has namespaces. */
  async delete(name: string): Promise<void> {
    const tenant = parseTenantName(name);
    await deleteIfEmpty(
      this.store,
      clusterKeys.tenant(tenant),
      [{ prefix: clusterKeys.namespaces(tenant), what: 'namespaces' }],
      `tenant ${tenant}`,
    );
  }

  /** A check that the tenant still exists as it is now, for creating something under it. */
  async existenceCheck(tenant: string): Promise<TxnCheck> {
    const key = clusterKeys.tenant(tenant);
    const kv = await this.store.get(key);
    if (!kv) throw new NotFoundError(`tenant ${tenant} does not exist`);
    return { key, expectedVersion: kv.version };
  }
}
