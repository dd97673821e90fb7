// LevelDB layout of a storage node. Big-endian ids keep one ledger's entries contiguous and in
// order, so a range read is one iterator.
//
//   entries LevelDB: 'e' + u64 ledger id + u64 entry id -> entry record (see entry-record.ts)
//   ledgers LevelDB: 'l' + u64 ledger id -> LedgerState (lac, last entry, fenced) from storage.proto,
//                    written when the ledger is fenced (see ledger-state-loader.ts)

const ENTRY = 0x65;
const LEDGER = 0x6c;
const TWO_32 = 2 ** 32;

function writeU64(target: Buffer, value: number, offset: number): void {
  target.writeUInt32BE(Math.floor(value / TWO_32), offset);
  target.writeUInt32BE(value >>> 0, offset + 4);
}

export function readU64(source: Buffer, offset: number): number {
  return source.readUInt32BE(offset) * TWO_32 + source.readUInt32BE(offset + 4);
}

export function entryKey(ledgerId: number, entryId: number): Buffer {
  const key = Buffer.allocUnsafe(17);
  key[0] = ENTRY;
  writeU64(key, ledgerId, 1);
  writeU64(key, entryId, 9);
  return key;
}

export function entryIdOfKey(key: Buffer): number {
  return readU64(key, 9);
}

export function ledgerKey(ledgerId: number): Buffer {
  const key = Buffer.allocUnsafe(9);
  key[0] = LEDGER;
  writeU64(key, ledgerId, 1);
  return key;
}

export function ledgerIdOfKey(key: Buffer): number {
  return readU64(key, 1);
}

export const ledgerKeyRange = { gte: Buffer.of(LEDGER), lt: Buffer.of(LEDGER + 1) };

export const entryKeyRange = { gte: Buffer.of(ENTRY), lt: Buffer.of(ENTRY + 1) };

/** Every entry key of one ledger. */
export function ledgerEntryRange(ledgerId: number): { gte: Buffer; lte: Buffer } {
  return { gte: entryKey(ledgerId, 0), lte: entryKey(ledgerId, Number.MAX_SAFE_INTEGER) };
}
