// LevelDB layout of a storage node, beside its entry log (segment files, see entry-log/), as
// BookKeeper's DbLedgerStorage keeps entry logs and a RocksDB index.
//
//   index LevelDB:   'i' + u64 ledger id + u64 entry id -> u64 log position + u32 record length
//                    'w' -> u64 the highest log position whose index records are written
//                    'c' -> u64 a position up to which the index is durable (its checkpoint)
//   ledgers LevelDB: 'l' + u64 ledger id -> LedgerState (lac, last entry, fenced) from storage.proto,
//                    written when the ledger is fenced (see ledger-state-loader.ts)

const INDEX = 0x69;
const WATERMARK = 0x77;
const CHECKPOINT = 0x63;
const LEDGER = 0x6c;
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
