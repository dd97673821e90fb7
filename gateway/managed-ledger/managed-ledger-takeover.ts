import { LedgerNotFoundError } from '../../storage-node/client/ledger-errors.js';
import type { LedgerWriter } from '../../storage-node/client/ledger-writer.js';
import type { TopicName } from '../topic-name.js';
import type { ManagedLedgerConfig } from './managed-ledger.js';
import type { ManagedLedgerContext } from './managed-ledger-context.js';
import type { ManagedLedgerInfoData, ManagedLedgerStore } from './managed-ledger-store.js';

/** What a new owner starts from: the ledger list as it recorded it, and the ledger it writes. */
export interface TakenOverLog {
  info: ManagedLedgerInfoData;
  version: number;
  writer: LedgerWriter;
}

/**
 * One attempt to take a topic's log over: recovers (fences) the ledgers a previous owner left
 * open, then starts a new ledger and records it before a single entry is written. A previous owner
 * still running changes the list under us: the compare-and-set fails with BadVersionError, and the
 * caller starts again from what is stored.
 */
export async function takeOverLog(
  ctx: ManagedLedgerContext,
  topic: TopicName,
  config: ManagedLedgerConfig,
  store: ManagedLedgerStore,
): Promise<TakenOverLog> {
  let { info, version } = await store.load();
  // Ledgers without a recorded size were left open by a previous owner: the last one it was
  // writing, and any it had rolled away from but not finished closing. Recover each (a closed
  // one only costs a metadata read); drop the empty ones.
  const unsized = info.ledgers.filter((l) => l.entries === 0);
  if (unsized.length > 0) {
    const sizes = new Map<number, number>();
    for (const ledger of unsized) {
      try {
        sizes.set(
          ledger.ledgerId,
          (await ctx.ledgers.recoverLedger(ledger.ledgerId)).lastReadable + 1,
        );
      } catch (error) {
        if (!(error instanceof LedgerNotFoundError)) throw error;
        sizes.set(ledger.ledgerId, 0);
      }
    }
    info = {
      ...info,
      ledgers: info.ledgers
        .map((l) =>
          sizes.has(l.ledgerId) ? { ...l, entries: sizes.get(l.ledgerId) as number } : l,
        )
        .filter((l) => l.entries > 0),
    };
    version = await store.update(info, version);
    for (const [ledgerId, entries] of sizes) {
      if (entries === 0) void ctx.ledgers.deleteLedger(ledgerId).catch(() => {});
    }
  }
  const writer = await ctx.ledgers.createLedger({ ...config, properties: { topic: topic.full } });
  info = {
    ...info,
    ledgers: [
      ...info.ledgers,
      { ledgerId: writer.ledgerId, entries: 0, sizeBytes: 0, createdAtMs: Date.now() },
    ],
  };
  try {
    version = await store.update(info, version);
  } catch (error) {
    writer.abandon('the topic changed while opening');
    void ctx.ledgers.deleteLedger(writer.ledgerId).catch(() => {});
    throw error;
  }
  ctx.logger?.info(
    { topic: topic.full, ledgerId: writer.ledgerId, ledgers: info.ledgers.length },
    'managed ledger opened',
  );
  return { info, version, writer };
}
