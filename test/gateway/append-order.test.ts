import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManagedLedgerImpl } from '../../gateway/managed-ledger/managed-ledger-impl.js';
import { DEFAULT_MANAGED_LEDGER_CONFIG } from '../../gateway/managed-ledger/managed-ledger.js';
import { parseTopicName } from '../../gateway/topic-name.js';
import { UnavailableError } from '../../services/common/errors.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { LedgerClient } from '../../storage-node/client/ledger-client.js';
import type { StorageNodeApi } from '../../storage-node/storage-node-api.js';
import {
  startStorageNode,
  type RunningStorageNode,
} from '../../storage-node/server/storage-node-server.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

let cluster: StorageCluster;
let metadata: MetadataStore;
let node: RunningStorageNode;
let client: LedgerClient;
/** The node as the writer reaches it: a real node whose adds can be made to fail (a lost link). */
const link = { failing: false };

function faultyLink(real: StorageNodeApi): StorageNodeApi {
  return {
    nodeId: real.nodeId,
    readsVerifiedInProcess: real.readsVerifiedInProcess,
    add: (entry, recovery) =>
      link.failing
        ? Promise.reject(new UnavailableError('injected: the link to the node is down'))
        : real.add(entry, recovery),
    readEntry: (ledgerId, entryId) => real.readEntry(ledgerId, entryId),
    readEntries: (ledgerId, first, last) => real.readEntries(ledgerId, first, last),
    readLac: (ledgerId) => real.readLac(ledgerId),
    fence: (ledgerId) => real.fence(ledgerId),
    deleteLedger: (ledgerId) => real.deleteLedger(ledgerId),
  };
}

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 0 });
  metadata = await openMetadataStore(cluster.metadataUrl);
  node = await startStorageNode({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(cluster.root, 'node'),
    metadata,
    logger: pino({ level: 'silent' }),
    sync: true,
    maxEntryBytes: 5 * 1024 * 1024,
    minFreeBytes: 1024 * 1024,
    leaseTtlMs: 3_000,
  });
  client = await LedgerClient.create({
    metadata,
    localNodes: new Map([[node.nodeId, faultyLink(node.core)]]),
    ensembleChangeTimeoutMs: 300,
    addTimeoutMs: 1_000,
  });
  await waitFor(() => client.nodes.all().length === 1, 'the node registered');
});

afterAll(async () => {
  client?.close();
  await node?.close();
  await metadata?.close();
  await cluster?.stop();
});

// Found by the chaos run: appends made after a ledger failed, before the failure was reported,
// went to a new ledger and were stored, ahead of the failed ones their producer then sent again.
it('after a failed entry, no append made before the failure was reported is stored', async () => {
  const ledger = await ManagedLedgerImpl.open(
    { ledgers: client, metadata },
    parseTopicName('append-order'),
    DEFAULT_MANAGED_LEDGER_CONFIG,
  );
  const outcomes: Array<'stored' | 'failed'> = [];
  let failureSeen = false;
  const settled: Array<Promise<unknown>> = [];
  // A producer stream: it appends until it sees its first failure, then stops (and would send
  // everything unconfirmed again, in order).
  let stored = 0;
  let cut = false;
  for (let i = 0; !failureSeen && i < 200_000; i++) {
    // The link goes down once some entries are stored, and is back well before the writer gives
    // up (300 ms), so a new ledger on this node would take appends at once.
    if (!cut && stored >= 50) {
      cut = true;
      link.failing = true;
      setTimeout(() => (link.failing = false), 100);
    }
    settled.push(
      ledger.append(Buffer.from(`m${i}`)).then(
        () => {
          outcomes[i] = 'stored';
          stored++;
        },
        () => {
          outcomes[i] = 'failed';
          failureSeen = true;
        },
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(settled);
  const firstFailed = outcomes.indexOf('failed');
  // Everything before the first failure was stored (entries still unconfirmed when the link
  // went down fail with it).
  expect(firstFailed).toBeGreaterThanOrEqual(50);
  expect(outcomes.slice(0, firstFailed).every((o) => o === 'stored')).toBe(true);
  const storedAfter = outcomes.slice(firstFailed).filter((o) => o === 'stored').length;
  expect(storedAfter).toBe(0);

  // The topic goes on in a new ledger once the producer sends again.
  const position = await ledger.append(Buffer.from('again'));
  expect(position.entryId).toBe(0);
  await ledger.close();
});
