import type { Logger } from '../../services/common/logger.js';
import { backoffDelay } from '../../services/common/retry.js';
import { LedgerFencedError } from '../../storage-node/client/ledger-errors.js';
import type { LedgerClient } from '../../storage-node/client/ledger-client.js';
import type { LedgerWriter } from '../../storage-node/client/ledger-writer.js';
import type { LedgerList } from './ledger-list.js';

export interface LedgerRetirementsOptions {
  topic: string;
  ledgers: LedgerClient;
  list: LedgerList;
  logger?: Logger;
  /** A writer found its ledger fenced: another owner has the topic. */
  onFenced: (writer: LedgerWriter, error: LedgerFencedError) => void;
  /** The managed ledger is fenced or closed: a failed retirement is not tried again. */
  stopped: () => boolean;
}

/**
 * The ledgers an owner rolled away from, until each is closed and its size recorded in the ledger
 * list. Until then a ledger stays readable through its writer, whose LAC readers follow.
 */
export class LedgerRetirements {
  private readonly writers = new Map<number, LedgerWriter>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: LedgerRetirementsOptions) {}

  /** The writer of a ledger being retired, if it is one. */
  writerOf(ledgerId: number): LedgerWriter | undefined {
    return this.writers.get(ledgerId);
  }

  /** Resolves when every retirement under way has ended (recorded, or given up for now). */
  async settled(): Promise<void> {
    await Promise.all(this.running);
  }

  /**
   * Closes a ledger this owner wrote, once its appends are settled, and records its size. If the
   * writer cannot close it (it failed), the ledger is recovered instead: its confirmed entries must
   * never be left without a recorded size. Resolves with whether the size was recorded.
   */
  async retire(writer: LedgerWriter, bytes: number): Promise<boolean> {
    const { ledgers, list, logger, topic } = this.options;
    let entries: number;
    try {
      entries = (await writer.close()).lastEntryId + 1;
    } catch (error) {
      if (error instanceof LedgerFencedError) {
        this.options.onFenced(writer, error);
        return false;
      }
      try {
        entries = (await ledgers.recoverLedger(writer.ledgerId)).lastReadable + 1;
      } catch (recoveryError) {
        logger?.error(
          { topic, ledgerId: writer.ledgerId, err: recoveryError },
          'ledger could not be closed or recovered; will retry',
        );
        return false;
      }
    }
    try {
      await list.update((info) => ({
        ...info,
        ledgers: info.ledgers.map((l) =>
          l.ledgerId === writer.ledgerId ? { ...l, entries, sizeBytes: bytes } : l,
        ),
      }));
      return true;
    } catch {
      return false;
    }
  }

  /** Retires a rolled-away ledger, trying again with backoff until its size is recorded. */
  inBackground(writer: LedgerWriter, bytes: number, attempt = 1): void {
    this.writers.set(writer.ledgerId, writer);
    const retirement = this.retire(writer, bytes).then((recorded) => {
      this.running.delete(retirement);
      if (recorded) {
        this.writers.delete(writer.ledgerId);
      } else if (!this.options.stopped()) {
        const timer = setTimeout(
          () => this.inBackground(writer, bytes, attempt + 1),
          backoffDelay(attempt, { maxDelayMs: 10_000 }),
        );
        timer.unref();
      }
    });
    this.running.add(retirement);
  }
}
