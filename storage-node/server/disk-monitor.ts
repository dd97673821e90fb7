import { statfs } from 'node:fs/promises';

export interface DiskStatus {
  freeBytes: number;
  readOnly: boolean;
}

/**
 * Watches the free space of the data dir. Below the threshold the node turns read-only; it turns
 * writable again only above the threshold plus a margin, so it does not flap.
 */
export class DiskMonitor {
  private timer: NodeJS.Timeout | undefined;
  private status: DiskStatus = { freeBytes: 0, readOnly: false };

  constructor(
    private readonly directory: string,
    private readonly minFreeBytes: number,
    private readonly onChange: (status: DiskStatus) => void,
    private readonly intervalMs = 5_000,
  ) {}

  get current(): DiskStatus {
    return this.status;
  }

  async start(): Promise<DiskStatus> {
    await this.check();
    this.timer = setInterval(() => void this.check().catch(() => {}), this.intervalMs);
    this.timer.unref();
    return this.status;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async check(): Promise<void> {
    const stats = await statfs(this.directory);
    const freeBytes = stats.bavail * stats.bsize;
    const margin = Math.min(this.minFreeBytes * 0.1, 1024 ** 3);
    const readOnly = this.status.readOnly
      ? freeBytes < this.minFreeBytes + margin
      : freeBytes < this.minFreeBytes;
    const changed = readOnly !== this.status.readOnly;
    this.status = { freeBytes, readOnly };
    if (changed) this.onChange(this.status);
  }
}
