import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../../services/common/logger.js';
import {
  FRAME_HEADER,
  claimedLength,
  frameHeader,
  offsetOf,
  positionOf,
  recordOfFrame,
  segmentOf,
} from './log-frame.js';
import {
  SegmentReaders,
  deleteStepwise,
  listSegments,
  segmentFileName,
  syncDirectory,
} from './segment-files.js';
import { SegmentUsage } from './segment-usage.js';

/** Where a record sits: its frame's log position and the record's length. */
export interface Located {
  position: number;
  length: number;
}

export interface EntryLogOptions {
  directory: string;
  logger: Logger;
  /** A segment takes no new record once it holds this much (BookKeeper's logSizeLimit). */
  segmentBytes?: number;
  /**
   * Positions up to this one may be named by index records whose log write never finished: the
   * log never writes there again, so such a record can only point at nothing.
   */
  usedUpTo?: number;
}

export const DEFAULT_SEGMENT_BYTES = 128 * 1024 * 1024;
/** What a scan reads per trip to the thread pool. */
const SCAN_CHUNK_BYTES = 8 * 1024 * 1024;
/** A read of many records takes one span when they lie at most this far apart... */
const SPAN_GAP_BYTES = 256 * 1024;
/** ...and the span stays under this. */
const SPAN_MAX_BYTES = 16 * 1024 * 1024;
/** A deleted segment is freed 4 MB every 20 ms (see `deleteStepwise`). */
const DELETE_STEP_BYTES = 4 * 1024 * 1024;
const DELETE_STEP_MS = 20;

interface Writer {
  segment: number;
  /** Created, and its directory entry synced: a record acked in it outlives a crash. */
  handle: Promise<FileHandle>;
}

/**
 * A storage node's entries, appended to segment files as BookKeeper's entry logger appends them:
 * each group commit is one positional write and one fdatasync, and nothing rewrites the data
 * later. In LevelDB, every 64 MB of entries came back out of its memtable as one 64 MB table write,
 * and the adds synced meanwhile waited behind it: at W2's 5,000 msg/s × 1 KB, one second in every
 * 13 had a p99 of 40-130 ms against 4-10 elsewhere (overall p99 29.4 and 35.6 ms in two 40 s runs;
 * 8.2 and 8.3 with entries appended to a plain file). A segment is deleted whole, once none of the
 * ledgers with records in it has any left (`SegmentUsage`).
 */
export class EntryLog {
  private writer: Writer;
  /** The segment after the active one, created ahead so that rolling over waits for nothing. */
  private next: Writer;
  /** Where the next frame goes in the active segment. */
  private end: number;
  private writing = false;
  /** Segments rolled past whose handles the write under way may still use. */
  private readonly sealed: Writer[] = [];
  /** A write failed: what it left in its segment is unknown, so the next append rolls over. */
  private damaged = false;
  private readonly readers: SegmentReaders;
  readonly usage = new SegmentUsage();
  private deletions: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  private constructor(
    private readonly directory: string,
    private readonly logger: Logger,
    private readonly segmentBytes: number,
    private readonly segments: Set<number>,
    active: number,
  ) {
    this.readers = new SegmentReaders(directory);
    this.writer = this.writerFor(active, false);
    this.next = this.writerFor(active + 1, true);
    this.end = 0;
  }

  static async open(options: EntryLogOptions): Promise<EntryLog> {
    const { directory, logger } = options;
    await mkdir(directory, { recursive: true });
    const segments = await listSegments(directory);
    // As BookKeeper's entry logger, every start writes into a fresh segment: the end of the last
    // one is not trusted (a power loss can leave a torn frame with sound ones after it, and writing
    // on from the torn one could leave an old frame that reads as sound where a new one ends). The
    // segment made ready ahead by the last run is fresh when it is empty and no index record can
    // name a position in it (its write reached the index but not the disk).
    const last = segments.at(-1);
    const usedUpTo = options.usedUpTo ?? -1;
    const lastIsFresh =
      last !== undefined &&
      segmentOf(usedUpTo) < last &&
      (await stat(join(directory, segmentFileName(last)))).size === 0;
    const active = lastIsFresh ? last : Math.max(last ?? -1, segmentOf(usedUpTo)) + 1;
    const log = new EntryLog(
      directory,
      logger,
      options.segmentBytes ?? DEFAULT_SEGMENT_BYTES,
      new Set(segments),
      active,
    );
    await log.writer.handle.catch(async (error) => {
      await log.close();
      throw error;
    });
    return log;
  }

  /** The position the next record would take if it fit in the active segment. */
  get endPosition(): number {
    return positionOf(this.writer.segment, this.end);
  }

  /**
   * Places the records at the end of the log, in order, and writes them; `written` resolves once
   * they are on disk (synced, with `sync`). One append at a time: the group commit waits for each.
   */
  append(
    items: ReadonlyArray<{ ledgerId: number; record: Buffer }>,
    sync: boolean,
  ): { located: Located[]; written: Promise<void> } {
    if (this.writing) throw new Error('entry log: an append is already being written');
    if (this.damaged) this.roll();
    const located: Located[] = [];
    const pieces: Array<{ writer: Writer; offset: number; buffers: Buffer[] }> = [];
    for (const { ledgerId, record } of items) {
      const frameBytes = FRAME_HEADER + record.byteLength;
      if (this.end > 0 && this.end + frameBytes > this.segmentBytes) this.roll();
      let piece = pieces.at(-1);
      if (piece?.writer !== this.writer) {
        piece = { writer: this.writer, offset: this.end, buffers: [] };
        pieces.push(piece);
      }
      const at = { position: positionOf(this.writer.segment, this.end), length: record.byteLength };
      piece.buffers.push(frameHeader(at.position, record), record);
      located.push(at);
      this.usage.add(ledgerId, at);
      this.end += frameBytes;
    }
    this.writing = true;
    const written = this.write(pieces, sync).then(
      () => {
        this.writing = false;
        this.closeSealed();
      },
      (error: unknown) => {
        this.writing = false;
        this.damaged = true;
        this.closeSealed();
        throw error;
      },
    );
    return { located, written };
  }

  /** The record at `at`, or undefined when the log holds no such frame there. */
  async read(at: Located): Promise<Buffer | undefined> {
    const bytes = await this.bytesAt(
      segmentOf(at.position),
      offsetOf(at.position),
      FRAME_HEADER + at.length,
    );
    return bytes && recordOfFrame(bytes, at.position, false);
  }

  /** The records at these places, reading neighbours in one span (see `spansOf`). */
  async readMany(places: readonly Located[]): Promise<Array<Buffer | undefined>> {
    const records = new Array<Buffer | undefined>(places.length);
    await Promise.all(
      spansOf(places).map(async ({ segment, offset, bytes, members }) => {
        const span = await this.bytesAt(segment, offset, bytes);
        for (const i of members) {
          const at = places[i] as Located;
          const from = offsetOf(at.position) - offset;
          records[i] =
            span &&
            recordOfFrame(span.subarray(from, from + FRAME_HEADER + at.length), at.position, false);
        }
      }),
    );
    return records;
  }

  /**
   * Every sound record after `position`, in log order (an index catching up). Only the last
   * segments written can end in a torn write, so only there is each payload checked against its
   * CRC as well: elsewhere a damaged payload must not hide the records after it (a read finds
   * the damage later, and reads another copy).
   */
  async *recordsAfter(position: number): AsyncGenerator<Located & { record: Buffer }> {
    const firstSegment = position < 0 ? 0 : segmentOf(position);
    const segments = [...this.segments].sort((a, b) => a - b);
    const lastTwo = segments.at(-2) ?? 0;
    for (const segment of segments) {
      if (segment < firstSegment) continue;
      const from = segment === firstSegment && position >= 0 ? offsetOf(position) : 0;
      for await (const frame of frames(this.readers, segment, from, segment >= lastTwo)) {
        const at = positionOf(segment, frame.offset);
        if (at > position) {
          yield { position: at, length: frame.record.byteLength, record: frame.record };
        }
      }
    }
  }

  /**
   * Deletes, a step at a time and one after another, the sealed segments no ledger has records in
   * any more; the active one and the one made ready after it stay.
   */
  collect(): void {
    for (const segment of [...this.segments]) {
      if (segment >= this.writer.segment || this.usage.holds(segment)) continue;
      this.segments.delete(segment);
      this.readers.drop(segment);
      const path = join(this.directory, segmentFileName(segment));
      this.deletions = this.deletions
        .then(() => deleteStepwise(path, DELETE_STEP_BYTES, DELETE_STEP_MS, this.stopping.signal))
        .then(
          () => this.logger.info({ segment }, 'deleted an entry log segment no ledger uses'),
          (error: unknown) =>
            this.logger.warn({ err: error, segment }, 'could not delete an entry log segment'),
        );
    }
  }

  /** Resolves once the deletions `collect` started are done (a test's view). */
  deleted(): Promise<void> {
    return this.deletions;
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.deletions;
    this.readers.close();
    await Promise.all(
      [...this.sealed.splice(0), this.writer, this.next].map((w) =>
        w.handle.then((h) => h.close()).catch(() => undefined),
      ),
    );
  }

  /**
   * Seals the active segment and moves to the next. A damaged write's segment is left as it is:
   * a scan stops at its first unsound frame, and no position in it is handed out again. (When the
   * next segment could not be created, the write into it fails too, and the append after rolls on.)
   */
  private roll(): void {
    this.sealed.push(this.writer);
    this.writer = this.next;
    this.next = this.writerFor(this.writer.segment + 1, true);
    this.end = 0;
    this.damaged = false;
  }

  /** Closes the handles of segments sealed so far; called when no append is being written. */
  private closeSealed(): void {
    for (const writer of this.sealed.splice(0)) {
      void writer.handle.then((h) => h.close()).catch(() => undefined);
    }
  }

  private writerFor(segment: number, ahead: boolean): Writer {
    const path = join(this.directory, segmentFileName(segment));
    const handle = (async () => {
      // 'a+' would ignore the write positions; 'r+' needs the file: create it first.
      await (await open(path, 'a')).close();
      await syncDirectory(this.directory);
      this.segments.add(segment);
      return open(path, 'r+');
    })();
    // Made ahead and never used (the node stopped first) is harmless: an empty segment.
    if (ahead) handle.catch(() => undefined);
    return { segment, handle };
  }

  private async write(
    pieces: ReadonlyArray<{ writer: Writer; offset: number; buffers: Buffer[] }>,
    sync: boolean,
  ): Promise<void> {
    for (const { writer, offset, buffers } of pieces) {
      const handle = await writer.handle;
      // libuv reports what it wrote before an error (a full disk, say) as a short write.
      const { bytesWritten } = await handle.writev(buffers, offset);
      const bytes = buffers.reduce((sum, b) => sum + b.byteLength, 0);
      if (bytesWritten !== bytes) {
        throw new Error(
          `entry log: wrote ${bytesWritten} of ${bytes} bytes to segment ${writer.segment}`,
        );
      }
      if (sync) await handle.datasync();
    }
  }

  private async bytesAt(
    segment: number,
    offset: number,
    length: number,
  ): Promise<Buffer | undefined> {
    if (!this.segments.has(segment)) return undefined;
    try {
      return await this.readers.read(segment, offset, length);
    } catch (error) {
      // Deleted while the read waited: its ledgers are gone, so there is nothing to answer.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

/**
 * The sound frames of a segment from `offset` on; the first one that is not ends it. `whole`
 * checks each payload against its CRC too.
 */
async function* frames(
  readers: SegmentReaders,
  segment: number,
  offset: number,
  whole: boolean,
): AsyncGenerator<{ offset: number; frameBytes: number; record: Buffer }> {
  let chunk: Buffer = Buffer.alloc(0);
  let chunkAt = offset;
  for (;;) {
    let from = offset - chunkAt;
    if (from + FRAME_HEADER > chunk.byteLength) {
      chunk = await readers.read(segment, offset, SCAN_CHUNK_BYTES);
      chunkAt = offset;
      from = 0;
    }
    const position = positionOf(segment, offset);
    const length = claimedLength(chunk.subarray(from), position);
    if (length === undefined) return;
    const frameBytes = FRAME_HEADER + length;
    if (from + frameBytes > chunk.byteLength) {
      chunk = await readers.read(segment, offset, Math.max(SCAN_CHUNK_BYTES, frameBytes));
      chunkAt = offset;
      from = 0;
    }
    const record = recordOfFrame(chunk.subarray(from, from + frameBytes), position, whole);
    if (!record) return;
    yield { offset, frameBytes, record };
    offset += frameBytes;
  }
}

/**
 * Groups places into spans read at once: records written close together (a topic alone, or one
 * group commit) lie side by side, and one read of the run beats a read per record.
 */
function spansOf(
  places: readonly Located[],
): Array<{ segment: number; offset: number; bytes: number; members: number[] }> {
  const spans: Array<{ segment: number; offset: number; bytes: number; members: number[] }> = [];
  places.forEach((at, i) => {
    const segment = segmentOf(at.position);
    const offset = offsetOf(at.position);
    const end = offset + FRAME_HEADER + at.length;
    const last = spans.at(-1);
    if (
      last?.segment === segment &&
      offset >= last.offset + last.bytes &&
      offset - (last.offset + last.bytes) <= SPAN_GAP_BYTES &&
      end - last.offset <= SPAN_MAX_BYTES
    ) {
      last.bytes = end - last.offset;
      last.members.push(i);
      return;
    }
    spans.push({ segment, offset, bytes: end - offset, members: [i] });
  });
  return spans;
}
