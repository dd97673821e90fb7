import type { ManagedCursor } from '../cursor/managed-cursor.js';
import type {
  ActiveReader,
  ManagedLedger,
  ManagedLedgerEntry,
} from '../managed-ledger/managed-ledger.js';
import type { Position } from '../managed-ledger/position.js';

/** Entries read ahead of the consumers' permits, at most. */
const READ_BATCH = 100;

/**
 * A subscription's way through its topic's log: the read position, the entries read and not yet
 * sent, and the next batch asked of storage ahead of time.
 */
export class SubscriptionReader {
  private readPosition: Position;
  /** Registered with the ledger while consumers are connected: entries appended are cached. */
  private tail: ActiveReader | undefined;
  /** Entries read and not yet sent (no consumer had permits). */
  private readonly buffered: ManagedLedgerEntry[] = [];
  /**
   * The next READ_BATCH from `readPosition` (which moves only when this is taken), asked of storage
   * while the buffered batch is sent: Pulsar's read-ahead, so a backlog's reads and its dispatch
   * overlap rather than take turns. Resolves undefined when it failed: the read is then made again
   * in line, where its error is handled.
   */
  private readAhead: Promise<ManagedLedgerEntry[] | undefined> | undefined;

  constructor(
    private readonly ledger: ManagedLedger,
    private readonly cursor: ManagedCursor,
  ) {
    this.readPosition = ledger.nextPosition(cursor.markDelete);
  }

  /** The next position to read from storage. */
  get position(): Position {
    return this.readPosition;
  }

  /** The positions of entries read and not yet sent. */
  get bufferedPositions(): Position[] {
    return this.buffered.map((e) => e.position);
  }

  /** Keeps the entries appended from the read position on in the ledger's cache. */
  startTailing(): void {
    this.tail ??= this.ledger.addActiveReader(this.readPosition);
  }

  stopTailing(): void {
    this.tail?.close();
    this.tail = undefined;
  }

  /** The next entry not yet acknowledged, or undefined when the log has nothing more now. */
  async next(): Promise<ManagedLedgerEntry | undefined> {
    for (;;) {
      const buffered = this.buffered.shift();
      if (buffered) {
        if (this.cursor.isAcked(buffered.position)) continue;
        return buffered;
      }
      const ahead = this.readAhead;
      this.readAhead = undefined;
      const read = (await ahead) ?? (await this.ledger.read(this.readPosition, READ_BATCH));
      const last = read[read.length - 1];
      if (!last) return undefined;
      this.readPosition = this.ledger.nextPosition(last.position);
      this.tail?.moveTo(this.readPosition);
      this.buffered.push(...read);
      // A full batch means more may be waiting in storage: ask for it while these are sent.
      if (read.length === READ_BATCH) {
        this.readAhead = this.ledger.read(this.readPosition, READ_BATCH).catch(() => undefined);
      }
    }
  }

  /** An entry taken with `next` that nobody could take: it comes first again. */
  putBack(entry: ManagedLedgerEntry): void {
    this.buffered.unshift(entry);
  }
}
