import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BadVersionError } from '../../services/common/errors.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import type { Logger } from '../../services/common/logger.js';
import { MUST_NOT_EXIST, type MetadataStore } from '../../services/metadata/metadata-store.js';

const COOKIE_FILE = 'cluster-instance-id';

/** The metadata store's cluster instance id, created by the first node that asks for it. */
async function clusterInstanceId(metadata: MetadataStore): Promise<string> {
  for (;;) {
    const existing = await metadata.get(clusterKeys.clusterInstanceId);
    if (existing) return existing.value.toString('utf8');
    const id = randomUUID();
    try {
      await metadata.put(clusterKeys.clusterInstanceId, Buffer.from(id), {
        expectedVersion: MUST_NOT_EXIST,
      });
      return id;
    } catch (error) {
      // Another node created it first: read theirs.
      if (!(error instanceof BadVersionError)) throw error;
    }
  }
}

/**
 * BookKeeper's cookie: the data dir records the cluster it belongs to, and a node refuses to start
 * against another cluster's metadata store (or a fresh one). Its ledgers' metadata is not there,
 * so the store would answer "no such ledger" for every one: readers would find nothing and the
 * garbage collector would delete everything. A data dir without a cookie (a new node, or one from
 * before cookies) takes the store's.
 */
export async function verifyClusterCookie(
  dataDir: string,
  metadata: MetadataStore,
  logger: Logger,
): Promise<void> {
  const file = join(dataDir, COOKIE_FILE);
  const current = await clusterInstanceId(metadata);
  let recorded: string | undefined;
  try {
    recorded = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (recorded === undefined) {
    await writeFile(`${file}.tmp`, current + '\n');
    await rename(`${file}.tmp`, file);
    logger.info({ clusterInstanceId: current }, 'data dir now belongs to this cluster');
    return;
  }
  if (recorded !== current) {
    throw new Error(
      `${dataDir} belongs to cluster ${recorded}, but the metadata store is cluster ${current}: ` +
        'refusing to start (point the node at its own cluster, or give it an empty data dir)',
    );
  }
}
