/** One message of a MessageBatch as the consumer needs it. */
export interface BatchMessage {
  /** A view of the delivery's bytes, not a copy. */
  payload: Buffer;
  key: string;
  properties: Record<string, string>;
  eventTimeMs: number;
  sequenceId: number;
}

/**
 * Decodes a MessageBatch (`repeated Message messages = 1`) without protobufjs's object conversion:
 * payloads are views of the batch, never copies, and nothing is built that is not handed out.
 * Decoding with protobufjs and toObject was the consumer's largest cost while draining a backlog.
 * Unknown fields are skipped, as protobuf requires; anything malformed throws.
 */
export function readMessageBatch(batch: Buffer): BatchMessage[] {
  const reader = new WireReader(batch);
  const messages: BatchMessage[] = [];
  while (!reader.done) {
    const tag = reader.varint();
    if (tag === 0x0a) messages.push(readMessage(reader.lengthDelimited()));
    else reader.skip(tag);
  }
  return messages;
}

function readMessage(reader: WireReader): BatchMessage {
  const message: BatchMessage = {
    payload: EMPTY,
    key: '',
    properties: {},
    eventTimeMs: 0,
    sequenceId: 0,
  };
  while (!reader.done) {
    const tag = reader.varint();
    switch (tag) {
      case 0x0a:
        message.payload = reader.bytes();
        break;
      case 0x12:
        message.key = reader.string();
        break;
      case 0x1a: {
        const [name, value] = readMapEntry(reader.lengthDelimited());
        message.properties[name] = value;
        break;
      }
      case 0x20:
        message.eventTimeMs = reader.int64();
        break;
      case 0x28:
        message.sequenceId = reader.int64();
        break;
      default:
        reader.skip(tag);
    }
  }
  return message;
}

function readMapEntry(reader: WireReader): [string, string] {
  let name = '';
  let value = '';
  while (!reader.done) {
    const tag = reader.varint();
    if (tag === 0x0a) name = reader.string();
    else if (tag === 0x12) value = reader.string();
    else reader.skip(tag);
  }
  return [name, value];
}

const EMPTY = Buffer.alloc(0);

class WireReader {
  private position: number;

  constructor(
    private readonly buffer: Buffer,
    start = 0,
    private readonly end = buffer.length,
  ) {
    this.position = start;
  }

  get done(): boolean {
    return this.position >= this.end;
  }

  /** Up to 2^53 exactly; larger values (never written by Strata) lose precision. */
  varint(): number {
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.position >= this.end) throw new RangeError('truncated varint');
      const byte = this.buffer[this.position++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
    throw new RangeError('varint longer than ten bytes');
  }

  /** int64: a ten-byte varint is a negative value in two's complement. */
  int64(): number {
    const start = this.position;
    const value = this.varint();
    if (this.position - start < 10) return value;
    let raw = 0n;
    for (let i = this.position - 1; i >= start; i--) {
      raw = (raw << 7n) | BigInt((this.buffer[i] as number) & 0x7f);
    }
    return Number(BigInt.asIntN(64, raw));
  }

  lengthDelimited(): WireReader {
    const start = this.field();
    return new WireReader(this.buffer, start, this.position);
  }

  bytes(): Buffer {
    const start = this.field();
    return this.buffer.subarray(start, this.position);
  }

  string(): string {
    const start = this.field();
    return this.buffer.toString('utf8', start, this.position);
  }

  /** Steps over a length-delimited field's content; returns where the content starts. */
  private field(): number {
    const length = this.varint();
    const start = this.position;
    this.advance(length);
    return start;
  }

  skip(tag: number): void {
    switch (tag & 7) {
      case 0:
        this.varint();
        return;
      case 1:
        this.advance(8);
        return;
      case 2:
        this.field();
        return;
      case 5:
        this.advance(4);
        return;
      default:
        throw new RangeError(`unsupported wire type ${tag & 7}`);
    }
  }

  private advance(bytes: number): void {
    if (this.position + bytes > this.end) throw new RangeError('field runs past its message');
    this.position += bytes;
  }
}
