import type { Level } from 'level';
import type { EntryLog } from './entry-log/entry-log.js';
import { loadMessageCodec } from '../../proto/load.js';
import type {
  LedgerState,
  LedgerState__Output,
} from '../../proto/generated/strata/storage/v1/LedgerState.js';
import { decodeEntry } from './entry-record.js';
import type { EntryIndex } from './entry-index.js';
import { ledgerIdOfKey, ledgerKeyRange } from './entry-keys.js';
import type { LedgerRecord } from './entry-store.js';

export const ledgerStateCodec = loadMessageCodec<LedgerState, LedgerState__Output>(
  'strata/storage/v1/storage.proto',
  'strata.storage.v1.LedgerState',
);

type Db = Level<Buffer, Buffer>;

/**
 * The state of every ledger a node holds, as it starts. The entries say most of it: each ledger's
 * last entry in the index (one reverse seek per ledger) and the LAC its record carries. Fences,
 * which no entry records, come from the state LevelDB.
 */
export async function loadLedgerStates(
  log: EntryLog,
  index: EntryIndex,
  stateDb: Db,
): Promise<Map<number, LedgerRecord>> {
  const ledgers = new Map<number, LedgerRecord>();
  for await (const [key, value] of stateDb.iterator(ledgerKeyRange)) {
    const state = ledgerStateCodec.decode(value);
    merge(ledgers, ledgerIdOfKey(key), state);
  }
  for await (const ledgerId of index.ledgerIds()) {
    const last = await index.lastHeld(ledgerId, async (entryId, at) => {
      const record = await log.read(at);
      if (record === undefined) return undefined;
      return { entryId, lac: decodeEntry(record, { ledgerId, entryId })?.lac ?? -1 };
    });
    if (last) merge(ledgers, ledgerId, { lac: last.lac, lastEntryId: last.entryId, fenced: false });
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
