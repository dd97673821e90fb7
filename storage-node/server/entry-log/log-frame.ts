import { crc32c } from '@node-rs/crc32';
import { readU64, writeU64 } from '../entry-keys.js';
import { isWholeEntry } from '../entry-record.js';

/**
 * A record in a segment file, behind a 16-byte frame header:
 *   u32 record length | u64 the frame's own log position | u32 CRC32C of the 12 bytes before it and
 *   of the record's first bytes (its header, which carries the payload's CRC)
 * The position makes a frame say where it belongs, so a scan never takes bytes left elsewhere for a
 * record; the CRC covers what the payload's own CRC does not (ids, LAC, length). Nothing here
 * hashes the payload again: the node checked it against the writer's CRC as it arrived.
 */
export const FRAME_HEADER = 16;
/** How many of the record's bytes the frame's CRC covers: the entry record's header. */
const COVERED = 29;
/** Larger than any entry the node accepts; a length above it is damage, not a record. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;
const TWO_32 = 2 ** 32;

/** A log position: the segment's number, then the byte offset of the frame in it. */
export const positionOf = (segment: number, offset: number) => segment * TWO_32 + offset;
export const segmentOf = (position: number) => Math.floor(position / TWO_32);
export const offsetOf = (position: number) => position % TWO_32;

function headerChecksum(frame: Buffer, record: Buffer): number {
  const covered = record.subarray(0, COVERED);
  return crc32c(covered, crc32c(frame.subarray(0, 12))) >>> 0;
}

/** The frame header of `record` at `position`; the record follows it on disk as it is. */
export function frameHeader(position: number, record: Buffer): Buffer {
  const header = Buffer.allocUnsafe(FRAME_HEADER);
  header.writeUInt32BE(record.byteLength, 0);
  writeU64(header, position, 4);
  header.writeUInt32BE(headerChecksum(header, record), 12);
  return header;
}

/** The record length a frame header claims, or undefined when the header is not a frame's. */
export function claimedLength(header: Buffer, position: number): number | undefined {
  if (header.byteLength < FRAME_HEADER) return undefined;
  const length = header.readUInt32BE(0);
  if (length === 0 || length > MAX_RECORD_BYTES) return undefined;
  if (readU64(header, 4) !== position) return undefined;
  return length;
}

/**
 * The record of the frame at `position` in `bytes` (header then record), or undefined when the
 * frame is damaged or another position's. `whole` also checks the payload against its CRC: a scan
 * needs that to tell a torn last write from a record, a read leaves it to the entry's decoder.
 */
export function recordOfFrame(bytes: Buffer, position: number, whole: boolean): Buffer | undefined {
  const length = claimedLength(bytes, position);
  if (length === undefined || bytes.byteLength < FRAME_HEADER + length) return undefined;
  const record = bytes.subarray(FRAME_HEADER, FRAME_HEADER + length);
  if (bytes.readUInt32BE(12) !== headerChecksum(bytes, record)) return undefined;
  if (whole && !isWholeEntry(record)) return undefined;
  return record;
}
