import { CompactedError, ResourceExhaustedError } from '../../common/errors.js';
import type { RevisionEvents } from './kv-state.js';

export interface HistoryLimits {
  /** Revisions kept for watches that resume from the past. */
  maxRevisions: number;
  /** Bytes of keys and values kept in that history. */
  maxBytes: number;
  /** Revisions a subscriber may have queued before it is cut off as too slow. */
  maxPendingRevisions: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = {
  maxRevisions: 50_000,
  maxBytes: 64 * 1024 * 1024,
  maxPendingRevisions: 20_000,
};

export interface Subscriber {
  /** Called with each revision's events under the prefix (never with an empty list). */
  deliver(revision: number, events: RevisionEvents['events']): void;
  /** Backpressure: revisions handed over and not yet consumed. */
  pending(): number;
  /** The subscription is over (the hub closed, or the subscriber was too slow). */
  end(error?: unknown): void;
}

function sizeOf(entry: RevisionEvents): number {
  let bytes = 16;
  for (const event of entry.events) {
    bytes += event.key.length + 16 + (event.type === 'put' ? event.record.value.byteLength : 0);
  }
  return bytes;
}

/**
 * Recent history and live subscribers. History lets a watcher resume from a revision after a
 * reconnect; it is bounded, and a resume from before it fails with CompactedError.
 */
export class WatchHub {
  private readonly history: RevisionEvents[] = [];
  private historyBytes = 0;
  /** Every revision from this one on is in `history`. */
  private firstRetained: number;
  private readonly subscribers = new Map<Subscriber, string>();

  constructor(
    private readonly limits: HistoryLimits,
    history: RevisionEvents[],
    firstRetained: number,
  ) {
    this.firstRetained = firstRetained;
    for (const entry of history) this.remember(entry);
  }

  get oldestRetainedRevision(): number {
    return this.firstRetained;
  }

  /**
   * Registers a subscriber and replays history from `fromRevision` synchronously, so nothing that
   * commits afterwards can slip between the replay and the live feed.
   */
  subscribe(prefix: string, fromRevision: number, subscriber: Subscriber): () => void {
    if (fromRevision < this.firstRetained) {
      throw new CompactedError(fromRevision, this.firstRetained);
    }
    for (const entry of this.history) {
      if (entry.revision >= fromRevision) this.deliverTo(subscriber, prefix, entry);
    }
    this.subscribers.set(subscriber, prefix);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  publish(entries: RevisionEvents[]): void {
    for (const entry of entries) {
      this.remember(entry);
      for (const [subscriber, prefix] of this.subscribers)
        this.deliverTo(subscriber, prefix, entry);
    }
  }

  /** Ends every subscription (the store is closing). */
  close(error?: unknown): void {
    for (const subscriber of this.subscribers.keys()) subscriber.end(error);
    this.subscribers.clear();
  }

  private deliverTo(subscriber: Subscriber, prefix: string, entry: RevisionEvents): void {
    const events =
      prefix === '' ? entry.events : entry.events.filter((e) => e.key.startsWith(prefix));
    if (events.length === 0) return;
    if (subscriber.pending() >= this.limits.maxPendingRevisions) {
      this.subscribers.delete(subscriber);
      subscriber.end(
        new ResourceExhaustedError(
          `watcher fell ${this.limits.maxPendingRevisions} revisions behind; resume from its last revision`,
        ),
      );
      return;
    }
    subscriber.deliver(entry.revision, events);
  }

  private remember(entry: RevisionEvents): void {
    this.history.push(entry);
    this.historyBytes += sizeOf(entry);
    let drop = 0;
    let bytes = this.historyBytes;
    while (
      this.history.length - drop > 1 &&
      (this.history.length - drop > this.limits.maxRevisions || bytes > this.limits.maxBytes)
    ) {
      bytes -= sizeOf(this.history[drop] as RevisionEvents);
      drop++;
    }
    if (drop === 0) return;
    const removed = this.history.splice(0, drop);
    this.historyBytes = bytes;
    this.firstRetained = (removed[removed.length - 1] as RevisionEvents).revision + 1;
  }
}
