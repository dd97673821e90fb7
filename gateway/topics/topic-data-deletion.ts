import { clusterKeys } from '../../services/common/cluster-keys.js';
import type { Logger } from '../../services/common/logger.js';
import { listAll } from '../../services/metadata/list-all.js';
import type { MetadataStore, TxnCheck, TxnOp } from '../../services/metadata/metadata-store.js';
import type { LedgerClient } from '../../storage-node/client/ledger-client.js';

/**
 * Deletes what a topic leaves behind once its owner has closed it: its ledger list and cursors in
 * one guarded transaction (so only the owner can), then its ledgers on the storage nodes. The
 * metadata goes first: a crash in between leaves unreferenced ledgers, never a topic whose
 * ledgers are gone.
 */
export async function deleteTopicData(
  ctx: { metadata: MetadataStore; ledgers: LedgerClient; logger?: Logger },
  path: string,
  guard: TxnCheck[],
  ledgerIds: number[],
): Promise<void> {
  const ops: TxnOp[] = [{ type: 'delete', key: clusterKeys.topic(path) }];
  for await (const kv of listAll(ctx.metadata, clusterKeys.cursors(path))) {
    ops.push({ type: 'delete', key: kv.key });
  }
  await ctx.metadata.txn({ checks: guard, ops });
  for (const ledgerId of ledgerIds) {
    await ctx.ledgers.deleteLedger(ledgerId).catch((error: unknown) => {
      ctx.logger?.warn(
        { err: error, topic: path, ledgerId },
        'ledger of a deleted topic could not be deleted; it stays on the storage nodes',
      );
    });
  }
  ctx.logger?.info({ topic: path, ledgers: ledgerIds.length }, 'topic deleted');
}
