/**
 * Counts the messages of a serialized strata.v1.MessageBatch by walking its top-level fields only:
 * each message is a length-delimited field 1, skipped, never decoded. Returns undefined for bytes
 * that are not a well-formed batch.
 */
export function countBatchMessages(bytes: Uint8Array): number | undefined {
  let offset = 0;
  let count = 0;
  const varint = (): number | undefined => {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const byte = bytes[offset++];
      if (byte === undefined) return undefined;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    return undefined;
  };
  while (offset < bytes.length) {
    const tag = varint();
    // Field 1, wire type 2 (length-delimited): one Message. Nothing else belongs in a batch.
    if (tag !== ((1 << 3) | 2)) return undefined;
    const length = varint();
    if (length === undefined || offset + length > bytes.length) return undefined;
    offset += length;
    count++;
  }
  return count;
}
