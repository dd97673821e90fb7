import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { LedgerClient } from '../../storage-node/client/ledger-client.js';
import { LedgerFencedError } from '../../storage-node/client/ledger-errors.js';
import {
  startStorageNode,
  type RunningStorageNode,
} from '../../storage-node/server/storage-node-server.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

let cluster: StorageCluster;
let metadata: MetadataStore;
let local: RunningStorageNode;
let client: LedgerClient;

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 2 });
  metadata = await openMetadataStore(cluster.metadataUrl);
  // A node inside this process, as standalone runs one: its writer reaches it by direct calls.
  local = await startStorageNode({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(cluster.root, 'in-process-node'),
    metadata,
    logger: pino({ level: 'silent' }),
    sync: true,
    maxEntryBytes: 5 * 1024 * 1024,
    minFreeBytes: 1024 * 1024,
    leaseTtlMs: 3_000,
  });
  client = await LedgerClient.create({
    metadata,
    localNodes: new Map([[local.nodeId, local.core]]),
  });
  await waitFor(() => client.nodes.all().length >= 3, 'three registered nodes');
});

afterAll(async () => {
  client?.close();
  await local?.close();
  await metadata?.close();
  await cluster?.stop();
});

it('writes through an in-process node and remote ones alike, and obeys the same fence', async () => {
  const remote = cluster.nodes.map((n) => n.nodeId);
  const writer = await client.createLedger({
    ensembleSize: 3,
    writeQuorum: 3,
    ackQuorum: 3,
    nodeIds: [local.nodeId, ...remote],
  });
  const ids = await Promise.all(
    Array.from({ length: 2_000 }, (_, i) => writer.append(Buffer.from(`local ${i}`))),
  );
  expect(ids).toEqual(Array.from({ length: 2_000 }, (_, i) => i));

  // A client with no local nodes reaches the same node over gRPC and fences it.
  const outsider = await cluster.client({}, 3);
  const reader = await outsider.recoverLedger(writer.ledgerId);
  expect(reader.lastReadable).toBe(1_999);
  await expect(writer.append(Buffer.from('after fence'))).rejects.toBeInstanceOf(LedgerFencedError);

  // Both paths read the same bytes.
  const viaLocal = await client.openLedger(writer.ledgerId);
  const viaGrpc = await outsider.openLedger(writer.ledgerId);
  for (const id of [0, 777, 1_999]) {
    expect((await viaLocal.readEntry(id)).payload.toString()).toBe(`local ${id}`);
    expect((await viaGrpc.readEntry(id)).payload.toString()).toBe(`local ${id}`);
  }
  expect((await local.core.readLac(writer.ledgerId)).fenced).toBe(true);
});
