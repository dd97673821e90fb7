import { watch, type FSWatcher } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../services/common/logger.js';

export interface PacedLogDeletionOptions {
  /** Free this much of a deleted log per step. */
  stepBytes: number;
  /** Wait this long between steps. */
  stepIntervalMs: number;
  logger: Logger;
  /** Instrumentation: called after each step, with the bytes of the deleted log still held. */
  onStep?: (file: string, heldBytes: number) => void;
}

interface HeldLog {
  handle: Promise<FileHandle>;
  /** A deletion is being checked for, or the log is being released: one at a time. */
  busy: boolean;
  /** A rename event came while busy: check again when done. */
  again: boolean;
}

/**
 * RocksDB's rate-limited deletion (its DeleteScheduler truncates a file in chunks), for LevelDB's
 * write-ahead logs. LevelDB deletes a 64 MB log after each memtable flush, and on a file system
 * that discards freed blocks (ext4 `-o discard`, as on this kind of machine) the journal commit
 * after the delete discards all 64 MB at once: every synced add waits behind it. Measured here,
 * 5 KB appends fdatasynced every millisecond: 20-29 ms stalls when a synced 64 MB file was
 * deleted, 6-7 ms when it was truncated 4 MB at a time. In W1 that was a 21-39 ms write at each of
 * LevelDB's flushes (every half second). So the node holds each log open; when LevelDB unlinks one,
 * the blocks stay allocated until this class frees them a step at a time, then closes it. Storage
 * writes over 20 ms in 20 s of W1's load and 30 s of W2's: 64 and 46 without, 23 and 6 with; bench,
 * three alternating pairs: W1 publish p99 34.6 / 31.1 / 29.6 ms without, 27.2 / 24.6 / 27.8 with
 * (W2 and W3 were decided by the disk's random stalls either way).
 */
export class PacedLogDeletion {
  private readonly logs = new Map<string, HeldLog>();
  private readonly watcher: FSWatcher | undefined;
  /** Deleted logs are released one after another, so two close together do not double the rate. */
  private releases: Promise<void> = Promise.resolve();
  /** Cuts short the wait between steps when the store closes. */
  private readonly stopping = new AbortController();
  private closed = false;

  constructor(
    private readonly directory: string,
    private readonly options: PacedLogDeletionOptions,
  ) {
    try {
      this.watcher = watch(directory, { persistent: false }, (event, name) => {
        if (typeof name === 'string' && name.endsWith('.log')) this.seen(name, event);
      });
      this.watcher.on('error', (error) => this.unwatched(error));
    } catch (error) {
      this.unwatched(error);
      return;
    }
    // The log LevelDB opened before the watch began announces itself only at its next write.
    void readdir(directory)
      .then((names) => names.filter((n) => n.endsWith('.log')).forEach((n) => this.seen(n)))
      .catch(() => undefined);
  }

  /** Logs with an open handle: live ones, and deleted ones not yet fully released. */
  get heldFiles(): number {
    return this.logs.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopping.abort();
    this.watcher?.close();
    const held = [...this.logs.values()];
    this.logs.clear();
    // A release under way stops at its next step and closes its own handle; the rest is freed then.
    await Promise.all(held.map((log) => log.handle.then((h) => h.close()).catch(() => undefined)));
    await this.releases;
  }

  /** Creation and deletion come as 'rename'; a write to a log already held needs nothing. */
  private seen(name: string, event = 'rename'): void {
    if (this.closed) return;
    const log = this.logs.get(name);
    if (!log) {
      const handle = open(join(this.directory, name), 'r+');
      const fresh: HeldLog = { handle, busy: false, again: false };
      this.logs.set(name, fresh);
      handle.catch(() => {
        // Already gone: LevelDB's unlink freed it, nothing to hold.
        if (this.logs.get(name) === fresh) this.logs.delete(name);
      });
      return;
    }
    if (event !== 'rename') return;
    if (log.busy) {
      log.again = true;
      return;
    }
    void this.checkDeleted(name, log);
  }

  private async checkDeleted(name: string, log: HeldLog): Promise<void> {
    log.busy = true;
    try {
      do {
        log.again = false;
        const handle = await log.handle;
        const { size, nlink } = await handle.stat();
        if (nlink === 0) {
          this.logs.delete(name);
          const release = this.releases.then(() => this.release(name, handle, size));
          this.releases = release.catch(() => undefined);
          return;
        }
      } while (log.again && !this.closed);
    } catch {
      // Closed meanwhile: close() owns the handle.
    } finally {
      log.busy = false;
    }
  }

  private async release(name: string, handle: FileHandle, size: number): Promise<void> {
    try {
      for (let held = size - this.options.stepBytes; held > 0 && !this.closed;) {
        await handle.truncate(held);
        this.options.onStep?.(name, held);
        await sleep(this.options.stepIntervalMs, undefined, {
          ref: false,
          signal: this.stopping.signal,
        }).catch(() => undefined);
        held -= this.options.stepBytes;
      }
    } finally {
      await handle.close().catch(() => undefined);
      this.options.onStep?.(name, 0);
    }
  }

  private unwatched(error: unknown): void {
    this.options.logger.warn(
      { err: error, directory: this.directory },
      'not watching LevelDB logs: each is freed at once when LevelDB deletes it',
    );
  }
}
