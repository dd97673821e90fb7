import { randomBytes } from 'node:crypto';

/** Bytes 0–7 carry the send time, 8–11 the message's index; the rest is random. */
const HEADER_BYTES = 12;

/**
 * Payloads of one size that say when they were sent, so a subscriber in the same process can
 * measure send → receive. Every system gets the same bytes: random, so no compression on the way
 * flatters anyone, and a fresh buffer per message, since a client may keep it until it is sent.
 */
export class StampedPayloads {
  private readonly template: Buffer;

  constructor(readonly size: number) {
    if (size < HEADER_BYTES) throw new Error(`payloads need at least ${HEADER_BYTES} bytes`);
    this.template = randomBytes(size);
  }

  next(index: number): Buffer {
    const payload = Buffer.allocUnsafe(this.size);
    this.template.copy(payload, HEADER_BYTES, HEADER_BYTES);
    payload.writeDoubleLE(performance.now(), 0);
    payload.writeUInt32LE(index >>> 0, 8);
    return payload;
  }

  static sentAt(payload: Uint8Array): number {
    return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).readDoubleLE(0);
  }

  static indexOf(payload: Uint8Array): number {
    return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).readUInt32LE(8);
  }
}
