import { open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const NAME = /^([0-9a-f]{16})\.log$/;

export const segmentFileName = (segment: number) => `${segment.toString(16).padStart(16, '0')}.log`;

/** The segments in the directory, in order. */
export async function listSegments(directory: string): Promise<number[]> {
  const segments: number[] = [];
  for (const name of await readdir(directory)) {
    const match = NAME.exec(name);
    if (match) segments.push(Number.parseInt(match[1] as string, 16));
  }
  return segments.sort((a, b) => a - b);
}

/** fsyncs a directory, so that a file created or removed in it stays so after a crash. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface Reader {
  handle: Promise<FileHandle>;
  users: number;
  /** Out of the cache: closed once its last read is done. */
  dropped: boolean;
}

/**
 * Read handles on segment files, the most recently used `max` kept open: a node with terabytes of
 * segments must not hold a descriptor on each.
 */
export class SegmentReaders {
  private readonly readers = new Map<number, Reader>();

  constructor(
    private readonly directory: string,
    private readonly max = 64,
  ) {}

  /** Up to `length` bytes at `offset` of the segment (fewer at its end). */
  async read(segment: number, offset: number, length: number): Promise<Buffer> {
    const reader = this.take(segment);
    try {
      const handle = await reader.handle;
      const bytes = Buffer.allocUnsafe(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(bytes, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.subarray(0, filled);
    } finally {
      this.give(reader);
    }
  }

  /** Closes the segment's handle (once its reads are done): its file is about to go. */
  drop(segment: number): void {
    const reader = this.readers.get(segment);
    if (!reader) return;
    this.readers.delete(segment);
    reader.dropped = true;
    if (reader.users === 0) close(reader);
  }

  close(): void {
    for (const segment of [...this.readers.keys()]) this.drop(segment);
  }

  private take(segment: number): Reader {
    let reader = this.readers.get(segment);
    if (reader) {
      // Map order is use order: the first entries are the least recently used.
      this.readers.delete(segment);
    } else {
      const opening: Reader = {
        handle: open(join(this.directory, segmentFileName(segment)), 'r'),
        users: 0,
        dropped: false,
      };
      // A failed open (too many files, say) is not kept: the next read tries again.
      opening.handle.catch(() => {
        if (this.readers.get(segment) === opening) this.readers.delete(segment);
      });
      reader = opening;
    }
    this.readers.set(segment, reader);
    reader.users++;
    for (const [oldest] of this.readers) {
      if (this.readers.size <= this.max) break;
      this.drop(oldest);
    }
    return reader;
  }

  private give(reader: Reader): void {
    reader.users--;
    if (reader.dropped && reader.users === 0) close(reader);
  }
}

function close(reader: Reader): void {
  void reader.handle.then((h) => h.close()).catch(() => undefined);
}

/**
 * Deletes a segment file without one burst of discards: on a file system that discards freed
 * blocks (ext4 `-o discard`, as on this kind of machine), unlinking 128 MB at once made every synced
 * write behind the journal commit wait (measured for LevelDB's 64 MB logs: 20-29 ms stalls, 6-7 ms
 * when truncated 4 MB at a time). So the file shrinks a step at a time, then goes.
 */
export async function deleteStepwise(
  path: string,
  stepBytes: number,
  stepMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    let size = (await handle.stat()).size;
    while (size > stepBytes && !signal?.aborted) {
      size -= stepBytes;
      await handle.truncate(size);
      await sleep(stepMs, undefined, { ref: false, signal }).catch(() => undefined);
    }
  } finally {
    await handle.close();
  }
  // Stopped midway: the rest stays for the next start, which finds the segment unused again.
  if (!signal?.aborted) await unlink(path);
}
