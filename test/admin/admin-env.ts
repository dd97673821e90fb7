import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startStandaloneProcess, type StandaloneProcess } from '../../deploy/local/strata-roles.js';
import type { MessagingClient } from '../../proto/generated/strata/v1/Messaging.js';
import {
  createAdmin,
  createClient,
  type ClientOptions,
  type StrataAdmin,
  type StrataClient,
  type TopicStats,
} from '../../sdk/index.js';
import { fromServiceError } from '../../services/common/grpc-errors.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { messagingClient } from '../harness/messaging-client.js';
import { makeTempDir } from '../harness/temp-dir.js';

/**
 * A real standalone (metadata, a storage node and a gateway in one process) for the admin API's
 * tests over gRPC, with the SDK's admin client, a raw messaging client and the metadata store.
 */
export interface AdminEnv {
  standalone: StandaloneProcess;
  admin: StrataAdmin;
  raw: MessagingClient;
  metadata: MetadataStore;
  /** An SDK client (default operation timeout 10 s), closed by `stop`. */
  client(options?: Omit<ClientOptions, 'serviceUrl'>): StrataClient;
  /** A raw Lookup, failing with the typed error the gateway sent. */
  lookup(topic: string): Promise<string>;
  /** Closes every client, stops the standalone and removes its data. */
  stop(): Promise<void>;
}

/** Starts an AdminEnv before the calling file's tests and stops it after them. */
export function useAdminEnv(label: string): () => AdminEnv {
  let env: AdminEnv | undefined;
  beforeAll(async () => {
    env = await startAdminEnv(label);
  });
  afterAll(async () => {
    await env?.stop();
  });
  return () => {
    if (!env) throw new Error('the admin environment did not start');
    return env;
  };
}

async function startAdminEnv(label: string): Promise<AdminEnv> {
  const group = new ProcessGroup();
  const dir = await makeTempDir(label);
  const clients: StrataClient[] = [];
  let admin: StrataAdmin | undefined;
  let raw: MessagingClient | undefined;
  let metadata: MetadataStore | undefined;
  const stop = async () => {
    try {
      await Promise.race([
        Promise.all(clients.map((c) => c.close())),
        new Promise((resolve) => setTimeout(resolve, 10_000)),
      ]);
      admin?.close();
      raw?.close();
      await metadata?.close();
    } finally {
      await group.stopAll();
      await dir.remove();
    }
  };
  try {
    const standalone = await startStandaloneProcess(group, { dataDir: dir.path });
    admin = createAdmin({ serviceUrl: standalone.serviceUrl });
    raw = messagingClient(standalone.serviceUrl);
    metadata = await openMetadataStore(standalone.metadataUrl);
    const rawClient = raw;
    return {
      standalone,
      admin,
      raw,
      metadata,
      client: (options) => {
        const created = createClient({
          operationTimeoutMs: 10_000,
          ...options,
          serviceUrl: standalone.serviceUrl,
        });
        clients.push(created);
        return created;
      },
      lookup: (topic) =>
        new Promise((resolve, reject) =>
          rawClient.Lookup({ topic }, { deadline: Date.now() + 10_000 }, (error, response) =>
            error ? reject(fromServiceError(error)) : resolve(response?.ownerAddress ?? ''),
          ),
        ),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A name no other test of the run uses. */
export const uniqueName = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export const subscription = (stats: TopicStats, name: string) =>
  stats.subscriptions.find((s) => s.name === name);
