import { BadVersionError } from '../../services/common/errors.js';
import type { ManagedLedgerInfoData, ManagedLedgerStore } from './managed-ledger-store.js';

/**
 * A topic's ledger list as its owner last stored it. Every change goes through one queue, each a
 * compare-and-set on the version the previous one left, so changes never race one another and a
 * change made by anyone else (a new owner) fails the next one here.
 */
export class LedgerList {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ManagedLedgerStore,
    private stored: ManagedLedgerInfoData,
    private version: number,
    /** Told when a change found the list changed by someone else: the topic is no longer ours. */
    private readonly onLost: (error: BadVersionError) => void,
  ) {}

  get info(): ManagedLedgerInfoData {
    return this.stored;
  }

  /** Applies `change` to the list as stored when its turn comes, and stores the result. */
  update(change: (info: ManagedLedgerInfoData) => ManagedLedgerInfoData): Promise<void> {
    const run = this.queue.then(async () => {
      const next = change(this.stored);
      try {
        this.version = await this.store.update(next, this.version);
        this.stored = next;
      } catch (error) {
        if (error instanceof BadVersionError) this.onLost(error);
        throw error;
      }
    });
    this.queue = run.catch(() => {});
    return run;
  }
}
