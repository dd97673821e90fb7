// LevelDB layout of a storage node: an entry log and an index beside it, as BookKeeper's
// DbLedgerStorage keeps entry logs and a RocksDB index.
//
//   entries LevelDB: 'p' + u64 log position -> entry record (see entry-record.ts)
//   index LevelDB:   'i' + u64 ledger id + u64 entry id -> u64 log position
//                    'w' -> u64 the highest log position whose index records are written
//                    'c' -> u64 a position up to which the index is durable (its checkpoint)
//   ledgers LevelDB: 'l' + u64 ledger id -> LedgerState (lac, last entry, fenced) from storage.proto,
//                    written when the ledger is fenced (see ledger-state-loader.ts)
//
// Entries are keyed by the order the node wrote them, whatever their ledger, so every table LevelDB
// flushes holds keys above all earlier ones and moves down the levels whole. Keyed by ledger, each
// flush of many ledgers written at once overlapped every table before it, and LevelDB rewrote the
// whole store at each flush: 1,000 topics at 10 MB/s compacted 1.1 GB in 30 s and stalled publishes
// for 100-400 ms every 6 s. The index's records are small, so its own compactions stay cheap.

const POSITION = 0x70;
const INDEX = 0x69;
const WATERMARK = 0x77;
const CHECKPOINT = 0x63;
const LEDGER = 0x6c;
/** Entries keyed by ledger, the layout before the entry log. */
const LEGACY_ENTRY = 0x65;
const TWO_32 = 2 ** 32;

export function writeU64(target: Buffer, value: number, offset: number): void {
  target.writeUInt32BE(Math.floor(value / TWO_32), offset);
  target.writeUInt32BE(value >>> 0, offset + 4);
}

export function readU64(source: Buffer, offset: number): number {
  return source.readUInt32BE(offset) * TWO_32 + source.readUInt32BE(offset + 4);
}

export function u64(value: number): Buffer {
  const buffer = Buffer.allocUnsafe(8);
  writeU64(buffer, value, 0);
  return buffer;
}

/** A one-byte prefix followed by big-endian u64 ids, so keys sort by their ids in order. */
function prefixedKey(prefix: number, ...ids: number[]): Buffer {
  const key = Buffer.allocUnsafe(1 + 8 * ids.length);
  key[0] = prefix;
  ids.forEach((id, i) => writeU64(key, id, 1 + 8 * i));
  return key;
}

/** Every key with this prefix. */
const prefixRange = (prefix: number) => ({ gte: Buffer.of(prefix), lt: Buffer.of(prefix + 1) });

export function positionKey(position: number): Buffer {
  return prefixedKey(POSITION, position);
}

export function positionOfKey(key: Buffer): number {
  return readU64(key, 1);
}

export const positionKeyRange = prefixRange(POSITION);

export function indexKey(ledgerId: number, entryId: number): Buffer {
  return prefixedKey(INDEX, ledgerId, entryId);
}

export function ledgerIdOfIndexKey(key: Buffer): number {
  return readU64(key, 1);
}

export function entryIdOfIndexKey(key: Buffer): number {
  return readU64(key, 9);
}

export const indexKeyRange = prefixRange(INDEX);

/** Every index key of one ledger. */
export function ledgerIndexRange(ledgerId: number): { gte: Buffer; lte: Buffer } {
  return { gte: indexKey(ledgerId, 0), lte: indexKey(ledgerId, Number.MAX_SAFE_INTEGER) };
}

export const WATERMARK_KEY = Buffer.of(WATERMARK);

export const CHECKPOINT_KEY = Buffer.of(CHECKPOINT);

export function ledgerKey(ledgerId: number): Buffer {
  return prefixedKey(LEDGER, ledgerId);
}

export function ledgerIdOfKey(key: Buffer): number {
  return readU64(key, 1);
}

export const ledgerKeyRange = prefixRange(LEDGER);

export const legacyEntryKeyRange = prefixRange(LEGACY_ENTRY);
