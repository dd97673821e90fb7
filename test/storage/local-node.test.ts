import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { LedgerClient } from '../../storage-node/client/ledger-client.js';
import { LedgerFencedError } from '../../storage-node/client/ledger-errors.js';
import { GrpcNodeConnection } from '../../storage-node/client/grpc-node-connection.js';
import { isIntact } from '../../storage-node/client/read-entry.js';
import type { StorageNodeApi } from '../../storage-node/storage-node-api.js';
import {
  startStorageNode,
  type RunningStorageNode,
} from '../../storage-node/server/storage-node-server.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { damageStoredEntry } from '../harness/stored-entry.js';
import { waitFor } from '../harness/wait.js';

let cluster: StorageCluster;
let metadata: MetadataStore;
let local: RunningStorageNode;
let client: LedgerClient;

/** What the in-process node logs, to see its corruption reports. */
const localLog: Array<{ msg?: string; entryId?: number }> = [];

/** A node inside this process, as standalone runs one: its writer reaches it by direct calls. */
async function startLocalNode(): Promise<RunningStorageNode> {
  return startStorageNode({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(cluster.root, 'in-process-node'),
    metadata,
    logger: pino(
      { level: 'warn' },
      { write: (line: string) => localLog.push(JSON.parse(line) as { msg?: string }) },
    ),
    sync: true,
    maxEntryBytes: 5 * 1024 * 1024,
    minFreeBytes: 1024 * 1024,
    leaseTtlMs: 3_000,
  });
}

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 2 });
  metadata = await openMetadataStore(cluster.metadataUrl);
  local = await startLocalNode();
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

it('an in-process copy is checked once, by the node, and a corrupt one is still never returned', async () => {
  const remote = cluster.nodes[0]?.nodeId as string;
  const writer = await client.createLedger({
    ensembleSize: 2,
    writeQuorum: 2,
    ackQuorum: 2,
    nodeIds: [local.nodeId, remote],
  });
  const payloadOf = (i: number) => Buffer.from(`checked once ${i}`.padEnd(200, '.'));
  await Promise.all(Array.from({ length: 20 }, (_, i) => writer.append(payloadOf(i))));
  await writer.close();
  expect(local.core.readsVerifiedInProcess).toBe(true);

  // Damage the in-process node's copy of entry 4 (its write set starts at this node: asked first).
  client.close();
  await local.close();
  await damageStoredEntry(join(cluster.root, 'in-process-node'), writer.ledgerId, 4, 3);
  local = await startLocalNode();
  client = await LedgerClient.create({
    metadata,
    localNodes: new Map([[local.nodeId, local.core]]),
  });

  const reader = await client.openLedger(writer.ledgerId);
  expect((await reader.readEntry(4)).payload.equals(payloadOf(4))).toBe(true);
  let next = 0;
  for await (const entry of reader.read(0)) {
    expect(entry.payload.equals(payloadOf(next)), `entry ${next}`).toBe(true);
    next++;
  }
  expect(next).toBe(20);
  // Each read path (by entry, by range and its fallback) met the damage at the node itself.
  const reports = localLog.filter((l) => l.msg?.startsWith('corrupt entry'));
  expect(reports.length).toBeGreaterThanOrEqual(2);
  expect(new Set(reports.map((l) => l.entryId))).toEqual(new Set([4]));
});

it('a reader checks every copy from a remote node, and trusts only an in-process one', () => {
  const payload = Buffer.from('checked by whom');
  const good = { ledgerId: 1, entryId: 0, requestId: 0, payload, crc32c: crc32c(payload), lac: -1 };
  const damaged = { ...good, crc32c: (good.crc32c + 1) >>> 0 };
  const remote = new GrpcNodeConnection('remote', '127.0.0.1:1', 1_000);
  try {
    expect(remote.readsVerifiedInProcess).toBe(false);
    expect(isIntact(good, remote)).toBe(true);
    expect(isIntact(damaged, remote)).toBe(false);
  } finally {
    remote.close();
  }
  expect(local.core.readsVerifiedInProcess).toBe(true);
  expect(isIntact(damaged, local.core)).toBe(true);
  expect(isIntact(undefined, local.core as StorageNodeApi)).toBe(false);
});
