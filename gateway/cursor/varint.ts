/** Unsigned LEB128 for integers up to 2^53 (arithmetic, not 32-bit shifts). */
export class VarintWriter {
  private chunks: Buffer[] = [];
  private buffer = Buffer.allocUnsafe(4096);
  private offset = 0;

  write(value: number): void {
    if (this.offset + 8 > this.buffer.length) this.spill();
    let v = value;
    while (v >= 0x80) {
      this.buffer[this.offset++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buffer[this.offset++] = v;
  }

  finish(): Buffer {
    this.spill();
    return Buffer.concat(this.chunks);
  }

  private spill(): void {
    this.chunks.push(Buffer.from(this.buffer.subarray(0, this.offset)));
    this.offset = 0;
  }
}

export function* readVarints(bytes: Uint8Array): Generator<number> {
  let offset = 0;
  while (offset < bytes.length) {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error('truncated varint');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
    }
    yield value;
  }
}
