import { watch, type FSWatcher } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../services/common/logger.js';

export interface PacedLogDeletionOptions {
  /** Free this much of a deleted log per step. */
  stepBytes: number;
  /** Wait this long between steps. */
  stepIntervalMs: number;
  logger: Logger;
  /**
   * Look at every held log this often as well: a deletion whose event was lost (inotify's queue
   * overflowed while the loop stalled) would otherwise keep its 64 MB until the node restarts.
   */
  sweepMs?: number;
  /** Instrumentation: called after each step, with the bytes of the deleted log still held. */
  onStep?: (file: string, heldBytes: number) => void;
}

interface HeldLog {
  handle: Promise<FileHandle>;
  opened: boolean;
  /** A check is under way: one at a time per log. */
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
  /** Live logs by name, held from their creation so that LevelDB's unlink frees nothing. */
  private readonly logs = new Map<string, HeldLog>();
  private readonly watcher: FSWatcher | undefined;
  private readonly sweep: NodeJS.Timeout | undefined;
  /** Deleted logs are released one after another, so two close together do not double the rate. */
  private releases: Promise<void> = Promise.resolve();
  /** Deleted logs queued or being released. */
  private releasing = 0;
  /** Cuts short the wait between steps when the store closes. */
  private readonly stopping = new AbortController();
  private closed = false;

  constructor(
    private readonly directory: string,
    private readonly options: PacedLogDeletionOptions,
  ) {
    if (!(options.stepBytes > 0) || !(options.stepIntervalMs >= 0)) {
      throw new RangeError('paced log deletion needs stepBytes > 0 and stepIntervalMs >= 0');
    }
    try {
      this.watcher = watch(directory, { persistent: false }, (event, name) => {
        if (typeof name === 'string' && name.endsWith('.log')) this.seen(name, event);
      });
      // Node has closed the watcher by now: let go of the live logs, LevelDB frees them itself.
      this.watcher.on('error', (error) => this.unwatched(error));
    } catch (error) {
      this.unwatched(error);
      return;
    }
    this.sweep = setInterval(() => {
      for (const [name, log] of this.logs) if (log.opened) this.check(name, log);
    }, options.sweepMs ?? 5_000);
    this.sweep.unref();
    // The log LevelDB opened before the watch began announces itself only at its next write.
    void readdir(directory)
      .then((names) => names.filter((n) => n.endsWith('.log')).forEach((n) => this.seen(n)))
      .catch(() => undefined);
  }

  /** Open handles on logs: live ones, and deleted ones not yet fully released. */
  get heldFiles(): number {
    let opened = 0;
    for (const log of this.logs.values()) if (log.opened) opened++;
    return opened + this.releasing;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopping.abort();
    clearInterval(this.sweep);
    this.watcher?.close();
    // A release under way stops at its next step and closes its own handle; the rest is freed then.
    await this.letGoOfLiveLogs();
    await this.releases;
  }

  /** Creation and deletion come as 'rename'; a write to a log already held needs nothing. */
  private seen(name: string, event = 'rename'): void {
    if (this.closed) return;
    const log = this.logs.get(name);
    if (!log) {
      const handle = open(join(this.directory, name), 'r+');
      const fresh: HeldLog = { handle, opened: false, busy: false, again: false };
      this.logs.set(name, fresh);
      handle.then(
        () => (fresh.opened = true),
        () => {
          // Already gone: LevelDB's unlink freed it, nothing to hold.
          if (this.logs.get(name) === fresh) this.logs.delete(name);
        },
      );
      return;
    }
    if (event === 'rename') this.check(name, log);
  }

  private check(name: string, log: HeldLog): void {
    if (log.busy) {
      log.again = true;
      return;
    }
    void this.checkNow(name, log);
  }

  private async checkNow(name: string, log: HeldLog): Promise<void> {
    log.busy = true;
    try {
      do {
        log.again = false;
        const handle = await log.handle;
        const { size, nlink, ino } = await handle.stat();
        if (nlink === 0) {
          this.logs.delete(name);
          this.releasing++;
          const release = this.releases.then(() => this.release(name, handle, size));
          this.releases = release.catch(() => undefined);
          return;
        }
        // Still linked, but not under this name (renamed, or gone and the name reused): not
        // deleted, so never truncated; whoever owns it now frees it.
        const named = await stat(join(this.directory, name)).catch(() => undefined);
        if (named?.ino !== ino) {
          this.logs.delete(name);
          await handle.close();
          return;
        }
      } while (log.again && !this.closed);
    } catch {
      // The open failed, or close() closed the handle meanwhile: there is nothing left to hold.
    } finally {
      log.busy = false;
    }
  }

  private async release(name: string, handle: FileHandle, size: number): Promise<void> {
    try {
      // Another deleted log waiting behind this one means deletions outpace the steps: free the
      // rest at once rather than let held space grow without bound.
      for (let held = size - this.options.stepBytes; held > 0 && !this.closed;) {
        if (this.releasing > 1) break;
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
      this.releasing--;
      this.options.onStep?.(name, 0);
    }
  }

  private async letGoOfLiveLogs(): Promise<void> {
    const live = [...this.logs.values()];
    this.logs.clear();
    await Promise.all(live.map((log) => log.handle.then((h) => h.close()).catch(() => undefined)));
  }

  private unwatched(error: unknown): void {
    clearInterval(this.sweep);
    void this.letGoOfLiveLogs();
    this.options.logger.warn(
      { err: error, directory: this.directory },
      'not watching LevelDB logs: each is freed at once when LevelDB deletes it',
    );
  }
}
