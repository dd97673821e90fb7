import { clusterKeys } from '../../services/common/cluster-keys.js';
import { BadVersionError } from '../../services/common/errors.js';
import type { Logger } from '../../services/common/logger.js';
import { MUST_NOT_EXIST, type MetadataStore } from '../../services/metadata/metadata-store.js';
import { clusterInitCodec, namespaceCodec, tenantCodec } from './catalog-codecs.js';

export const DEFAULT_TENANT = 'public';
export const DEFAULT_NAMESPACE = 'public/default';

/**
 * The first gateway of a new cluster creates tenant `public` and namespace `public/default`
 * (where bare topic names live), once: a marker records it, so an operator who deletes them later
 * does not see them come back on the next restart.
 */
export async function initializeCluster(store: MetadataStore, logger?: Logger): Promise<void> {
  if (await store.get(clusterKeys.clusterInit)) return;
  const now = Date.now();
  try {
    await store.txn({
      ops: [
        {
          type: 'put',
          key: clusterKeys.clusterInit,
          value: clusterInitCodec.encode({ initializedAtMs: now }),
          expectedVersion: MUST_NOT_EXIST,
        },
        {
          type: 'put',
          key: clusterKeys.tenant(DEFAULT_TENANT),
          value: tenantCodec.encode({ createdAtMs: now }),
          expectedVersion: MUST_NOT_EXIST,
        },
        {
          type: 'put',
          key: clusterKeys.namespace(DEFAULT_NAMESPACE),
          value: namespaceCodec.encode({ policies: { persistence: null }, createdAtMs: now }),
          expectedVersion: MUST_NOT_EXIST,
        },
      ],
    });
    logger?.info({ tenant: DEFAULT_TENANT, namespace: DEFAULT_NAMESPACE }, 'cluster initialized');
  } catch (error) {
    // Another gateway initialized it first.
    if (!(error instanceof BadVersionError)) throw error;
  }
}
