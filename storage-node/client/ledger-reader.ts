import { InvalidArgumentError } from '../../services/common/errors.js';
import { DistributionSchedule } from './distribution-schedule.js';
import { lastSegment, type LedgerMetadata } from './ledger-metadata.js';
import { readEntries } from './read-entries.js';
import { readEntry, type LedgerEntry, type ReadContext } from './read-entry.js';
import { readLac } from './read-lac.js';

/**
 * Reads a ledger without fencing it. A closed ledger is read up to its last entry; an open one up
 * to the LAC its ensemble reports (refreshLac() follows a live writer).
 */
export class LedgerReader {
  private knownLac: number;
  private readonly schedule: DistributionSchedule;

  /**
   * `lac` is a number, or, for the writer's own process, a function reading the writer's LAC so the
   * reader follows it without asking the nodes.
   */
  constructor(
    private readonly ctx: ReadContext,
    readonly ledgerId: number,
    readonly metadata: LedgerMetadata,
    private readonly lacSource: number | (() => number),
  ) {
    this.knownLac =
      metadata.status === 'CLOSED'
        ? metadata.lastEntryId
        : typeof lacSource === 'number'
          ? lacSource
          : -1;
    this.schedule = new DistributionSchedule(
      metadata.ensembleSize,
      metadata.writeQuorum,
      metadata.ackQuorum,
    );
  }

  get isClosed(): boolean {
    return this.metadata.status === 'CLOSED';
  }

  /** The last entry that may be read now: the last entry when closed, else the LAC. */
  get lastReadable(): number {
    if (!this.isClosed && typeof this.lacSource === 'function') {
      this.knownLac = Math.max(this.knownLac, this.lacSource());
    }
    return this.knownLac;
  }

  async refreshLac(): Promise<number> {
    if (this.isClosed || typeof this.lacSource === 'function') return this.lastReadable;
    const lac = await readLac(this.ctx, this.ledgerId, lastSegment(this.metadata));
    this.knownLac = Math.max(this.knownLac, lac);
    return this.knownLac;
  }

  readEntry(entryId: number): Promise<LedgerEntry> {
    this.checkRange(entryId, entryId);
    return readEntry(this.ctx, this.ledgerId, this.metadata, this.schedule, entryId);
  }

  /** Entries first..last (inclusive), in order. */
  read(first: number, last: number = this.lastReadable): AsyncGenerator<LedgerEntry> {
    this.checkRange(first, last);
    return readEntries(this.ctx, this.ledgerId, this.metadata, first, last);
  }

  private checkRange(first: number, last: number): void {
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first < 0 || last < first) {
      throw new InvalidArgumentError(`bad entry range ${first}..${last}`);
    }
    const end = this.lastReadable;
    if (last > end) {
      throw new InvalidArgumentError(
        `entry ${last} is beyond the readable end of ledger ${this.ledgerId} (${this.isClosed ? 'last entry' : 'LAC'} ${end})`,
      );
    }
  }
}
