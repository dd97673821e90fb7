import type {
  StoredBatch,
  StoredBatch__Output,
} from '../../proto/generated/strata/gateway/v1/StoredBatch.js';
import { loadMessageCodec } from '../../proto/load.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { listAll } from '../../services/metadata/list-all.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { LedgerClient } from '../../storage-node/client/ledger-client.js';
import { ledgerMetadataCodec } from '../../storage-node/storage-grpc.js';
import type { FencedLedger, StoredEntry } from './history.js';

// The entry format is the gateway's (proto/strata/gateway/v1/stored_batch.proto); read from the
// contract, not from the gateway, which nothing imports.
const storedBatchCodec = loadMessageCodec<StoredBatch, StoredBatch__Output>(
  'strata/gateway/v1/stored_batch.proto',
  'strata.gateway.v1.StoredBatch',
);

/** How far past a fenced ledger's end a node is searched for entries. */
const SCAN_PAST_END = 100_000;

/**
 * The final scan: every ledger a recovery fenced, and what each node that confirmed the fence
 * holds past the ledger's end, with the gateway's stamp in each entry. The checker then finds any
 * entry a fenced node took after its fence (a zombie write).
 */
export async function scanFencedLedgers(
  metadataUrl: string,
  expectedNodes: number,
): Promise<{ fencedLedgers: FencedLedger[]; storedEntries: StoredEntry[] }> {
  const metadata = await openMetadataStore(metadataUrl);
  const client = await LedgerClient.create({ metadata });
  const fencedLedgers: FencedLedger[] = [];
  const storedEntries: StoredEntry[] = [];
  try {
    const deadline = Date.now() + 30_000;
    while (client.nodes.all().length < expectedNodes && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for await (const kv of listAll(metadata, clusterKeys.ledgers)) {
      const ledger = ledgerMetadataCodec.decode(kv.value);
      if (ledger.status !== 'CLOSED' || ledger.fencedAtMs === 0) continue;
      const ledgerId = Number(kv.key.slice(clusterKeys.ledgers.length));
      fencedLedgers.push({
        ledgerId,
        lastEntryId: ledger.lastEntryId,
        fencedAtMs: ledger.fencedAtMs,
      });
      for (const nodeId of ledger.fencedNodeIds) {
        const first = ledger.lastEntryId + 1;
        for await (const read of client
          .node(nodeId)
          .readEntries(ledgerId, first, first + SCAN_PAST_END)) {
          if (read.status !== 'READ_OK' || !read.entry) continue;
          const stored = storedBatchCodec.decode(read.entry.payload);
          storedEntries.push({
            ledgerId,
            entryId: read.entry.entryId,
            nodeId,
            publishTimeMs: stored.publishTimeMs,
          });
        }
      }
    }
  } finally {
    client.close();
    await metadata.close();
  }
  return { fencedLedgers, storedEntries };
}
