import { InvalidArgumentError } from '../../services/common/errors.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import type { Logger } from '../../services/common/logger.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';

/** The longest delay a Node timer takes (about 24.8 days). */
export const MAX_INTERVAL_MS = 2 ** 31 - 1;

/** Throws unless a timer can wait `intervalMs` (a longer delay fires after 1 ms: back to back). */
export function checkGcInterval(intervalMs: number): void {
  if (!(intervalMs >= 0 && intervalMs <= MAX_INTERVAL_MS)) {
    throw new InvalidArgumentError(
      `garbage collection interval ${intervalMs} ms is outside 0..${MAX_INTERVAL_MS}`,
    );
  }
}

/** What the collector needs of the node's store. */
export interface CollectableStore {
  /** Each ledger the node holds entries of, in ascending order. */
  ledgersWithEntries(): AsyncIterable<number>;
  deleteLedger(ledgerId: number): Promise<unknown>;
}

export interface LedgerGarbageCollectorOptions {
  /** Time between the end of one pass and the start of the next. */
  intervalMs: number;
  logger: Logger;
}

export interface GarbageCollectionPass {
  /** Ledgers with entries on this node that were looked up. */
  checked: number;
  /** Ledgers whose entries were deleted because their metadata is gone. */
  deleted: number[];
  /** Why the pass deleted nothing on purpose (a guard tripped), if it did. */
  refused?: string;
}

/**
 * BookKeeper's garbage collector (scan and compare): a ledger's entries stay on a node that was
 * down or partitioned when the ledger was deleted, and on a node that a recovery re-wrote after the
 * delete reached it. Every pass walks the ledgers this node holds entries of and deletes those the
 * metadata store no longer has. Entries only ever reach a node after their ledger's metadata was
 * created, so a ledger with entries and no metadata was deleted.
 *
 * A node pointed at the wrong metadata store (a fresh one, or another cluster's) would find no
 * metadata for anything and delete everything. The cluster cookie (cluster-cookie.ts) keeps such a
 * node from starting. The ledger-id counter is a second guard, for a data dir that took a wrong
 * store's cookie (its first start under cookies): every ledger id was drawn from the counter, so a
 * ledger above it means this store did not create the node's ledgers, and the pass deletes nothing.
 * Failed lookups keep the ledger; only an answer that the key is absent deletes.
 */
export class LedgerGarbageCollector {
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: CollectableStore,
    private readonly metadata: MetadataStore,
    private readonly options: LedgerGarbageCollectorOptions,
  ) {
    checkGcInterval(options.intervalMs);
  }

  start(): void {
    this.schedule();
  }

  /** Runs a pass after any under way (passes never overlap) and returns what it did. */
  collect(): Promise<GarbageCollectionPass> {
    const pass = this.queue.then(() => this.pass());
    this.queue = pass.then(
      () => undefined,
      () => undefined,
    );
    return pass;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.collect()
        .catch((error: unknown) =>
          this.options.logger.warn({ err: error }, 'ledger garbage collection failed'),
        )
        .finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async pass(): Promise<GarbageCollectionPass> {
    const { logger } = this.options;
    const pass: GarbageCollectionPass = { checked: 0, deleted: [] };
    if (this.stopped) return { ...pass, refused: 'the node is stopping' };
    const orphans: number[] = [];
    let highest = 0;
    for await (const ledgerId of this.store.ledgersWithEntries()) {
      if (this.stopped) break;
      pass.checked++;
      highest = Math.max(highest, ledgerId);
      const present = await this.metadata.get(clusterKeys.ledger(ledgerId)).then(
        (kv) => kv !== undefined,
        (error: unknown) => {
          logger.warn({ err: error, ledgerId }, 'ledger metadata lookup failed; kept for now');
          return true;
        },
      );
      if (!present) orphans.push(ledgerId);
    }
    // Read after the walk: every id seen was drawn before its entries existed, so before this.
    const counter = await this.metadata.get(clusterKeys.ledgerIdCounter);
    const highestId = counter ? Number(counter.value.toString('utf8')) : 0;
    if (!(highest <= highestId)) {
      pass.refused = `ledger ${highest} is above the metadata store's ledger-id counter (${highestId})`;
      logger.error(
        { ledgerId: highest, highestId },
        "garbage collection deletes nothing: the metadata store is not the one that created this node's ledgers",
      );
    }
    // Deletes wait for the whole walk: the guard covers every ledger of the pass.
    if (pass.refused === undefined) {
      for (const ledgerId of orphans) {
        if (this.stopped) break;
        await this.store.deleteLedger(ledgerId);
        pass.deleted.push(ledgerId);
        logger.info({ ledgerId }, 'deleted the entries of a ledger whose metadata is gone');
      }
    }
    logger.debug(pass, 'garbage collection pass');
    return pass;
  }
}
