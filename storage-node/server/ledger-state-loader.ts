import type { Level } from 'level';
import { loadMessageCodec } from '../../proto/load.js';
import type {
  LedgerState,
  LedgerState__Output,
} from '../../proto/generated/strata/storage/v1/LedgerState.js';
import { decodeEntry } from './entry-record.js';
import {
  entryIdOfKey,
  entryKey,
  entryKeyRange,
  ledgerEntryRange,
  ledgerIdOfKey,
  ledgerKeyRange,
} from './entry-keys.js';
import type { LedgerRecord } from './entry-store.js';

export const ledgerStateCodec = loadMessageCodec<LedgerState, LedgerState__Output>(
  'strata/storage/v1/storage.proto',
  'strata.storage.v1.LedgerState',
);

type Db = Level<Buffer, Buffer>;

/**
 * The state of every ledger a node holds, as it starts. The entries say most of it: each ledger's
 * last entry (one reverse seek per ledger) and the LAC that entry carries. Fences, which no entry
 * records, come from the state LevelDB, and from beside the entries on nodes that kept their state
 * records there before it existed.
 */
export async function loadLedgerStates(db: Db, stateDb: Db): Promise<Map<number, LedgerRecord>> {
  const ledgers = new Map<number, LedgerRecord>();
  for (const source of [db, stateDb]) {
    for await (const [key, value] of source.iterator(ledgerKeyRange)) {
      const state = ledgerStateCodec.decode(value);
      merge(ledgers, ledgerIdOfKey(key), state);
    }
  }
  // Ledger by ledger: the first entry key at or above `from` names the next ledger held.
  for (let from = 0; ;) {
    let first: Buffer | undefined;
    for await (const key of db.keys({ ...entryKeyRange, gte: entryKey(from, 0), limit: 1 })) {
      first = key;
    }
    if (!first) break;
    const ledgerId = ledgerIdOfKey(first);
    for await (const [key, value] of db.iterator({
      ...ledgerEntryRange(ledgerId),
      reverse: true,
      limit: 1,
    })) {
      merge(ledgers, ledgerId, {
        lac: decodeEntry(value)?.lac ?? -1,
        lastEntryId: entryIdOfKey(key),
        fenced: false,
      });
    }
    from = ledgerId + 1;
  }
  return ledgers;
}

function merge(ledgers: Map<number, LedgerRecord>, ledgerId: number, state: LedgerRecord): void {
  const known = ledgers.get(ledgerId);
  ledgers.set(ledgerId, {
    lac: Math.max(state.lac, known?.lac ?? -1),
    lastEntryId: Math.max(state.lastEntryId, known?.lastEntryId ?? -1),
    fenced: state.fenced || known?.fenced === true,
  });
}
