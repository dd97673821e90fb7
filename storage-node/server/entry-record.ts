import { crc32c } from '@node-rs/crc32';

/**
 * An entry as stored: a 13-byte header then the payload, written as received (no re-encoding).
 *   u8 format (1) | u32 CRC32C of the payload | u64 LAC + 1 (0: none) | payload
 * A hand-rolled header rather than a proto message: this is the hot path, and the payload is copied
 * once into the record and never again.
 */
const FORMAT = 1;
const HEADER = 13;
const TWO_32 = 2 ** 32;

export interface StoredEntry {
  lac: number;
  crc32c: number;
  payload: Buffer;
}

export function encodeEntry(lac: number, checksum: number, payload: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER + payload.byteLength);
  record[0] = FORMAT;
  record.writeUInt32BE(checksum >>> 0, 1);
  const shifted = lac + 1;
  record.writeUInt32BE(Math.floor(shifted / TWO_32), 5);
  record.writeUInt32BE(shifted >>> 0, 9);
  record.set(payload, HEADER);
  return record;
}

/** Decodes a record; undefined when it is damaged (bad header, or payload not matching its CRC). */
export function decodeEntry(record: Buffer): StoredEntry | undefined {
  if (record.byteLength < HEADER || record[0] !== FORMAT) return undefined;
  const checksum = record.readUInt32BE(1);
  const payload = record.subarray(HEADER);
  if (crc32c(payload) >>> 0 !== checksum) return undefined;
  const lac = record.readUInt32BE(5) * TWO_32 + record.readUInt32BE(9) - 1;
  return { lac, crc32c: checksum, payload };
}
