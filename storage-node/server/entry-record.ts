import { crc32c } from '@node-rs/crc32';
import { readU64, writeU64 } from './entry-keys.js';

/**
 * An entry as stored: a 29-byte header then the payload, written as received (no re-encoding).
 *   u8 format (2) | u32 CRC32C of the payload | u64 LAC + 1 (0: none) | u64 ledger id | u64 entry id
 *   | payload
 * The ids make the entry log self-describing: a node rebuilds index records it lost from the
 * records alone. A hand-rolled header rather than a proto message: this is the hot path, and the
 * payload is copied once into the record and never again.
 */
const FORMAT = 2;
const HEADER = 29;

export interface StoredEntry {
  lac: number;
  crc32c: number;
  payload: Buffer;
}

export interface EntryIds {
  ledgerId: number;
  entryId: number;
}

export function encodeEntry(
  ids: EntryIds,
  lac: number,
  checksum: number,
  payload: Uint8Array,
): Buffer {
  const record = Buffer.allocUnsafe(HEADER + payload.byteLength);
  record[0] = FORMAT;
  record.writeUInt32BE(checksum >>> 0, 1);
  writeU64(record, lac + 1, 5);
  writeU64(record, ids.ledgerId, 13);
  writeU64(record, ids.entryId, 21);
  record.set(payload, HEADER);
  return record;
}

/** The ids a record says it holds, without checking its payload; undefined for a bad header. */
export function idsOfEntry(record: Buffer): EntryIds | undefined {
  if (record.byteLength < HEADER || record[0] !== FORMAT) return undefined;
  return { ledgerId: readU64(record, 13), entryId: readU64(record, 21) };
}

/**
 * Decodes the record of entry `ids`; undefined when it is damaged: a bad header, other ids than
 * the index pointed to, or a payload not matching its CRC.
 */
export function decodeEntry(record: Buffer, ids: EntryIds): StoredEntry | undefined {
  const held = idsOfEntry(record);
  if (held?.ledgerId !== ids.ledgerId || held.entryId !== ids.entryId) return undefined;
  const checksum = record.readUInt32BE(1);
  const payload = record.subarray(HEADER);
  if (crc32c(payload) >>> 0 !== checksum) return undefined;
  return { lac: readU64(record, 5) - 1, crc32c: checksum, payload };
}

/** Whether the record's header is sound and its payload matches its CRC, whatever its ids. */
export function isWholeEntry(record: Buffer): boolean {
  if (record.byteLength < HEADER || record[0] !== FORMAT) return false;
  return crc32c(record.subarray(HEADER)) >>> 0 === record.readUInt32BE(1);
}
