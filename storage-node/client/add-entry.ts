/**
 * One entry on its way to its write set: which nodes acked it, and the promise its appender waits
 * on. The writer confirms entries in order, so this only tracks acks; it never resolves itself.
 */
export class PendingAdd {
  readonly acked = new Set<string>();
  sentAt = performance.now();
  readonly promise: Promise<number>;
  resolve!: (entryId: number) => void;
  reject!: (error: unknown) => void;

  constructor(
    readonly entryId: number,
    readonly payload: Uint8Array,
    readonly crc32c: number,
    /** Node ids of the write set under the ledger's current ensemble. */
    public writeSet: string[],
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** Counts an ack if the node is (still) in the write set. */
  ackFrom(nodeId: string): void {
    if (this.writeSet.includes(nodeId)) this.acked.add(nodeId);
  }

  hasQuorum(ackQuorum: number): boolean {
    return this.acked.size >= ackQuorum;
  }

  /** Moves the entry to a new write set; returns the nodes that must now be sent the entry. */
  retarget(writeSet: string[]): string[] {
    const added = writeSet.filter((node) => !this.writeSet.includes(node));
    this.writeSet = writeSet;
    for (const node of [...this.acked]) if (!writeSet.includes(node)) this.acked.delete(node);
    if (added.length > 0) this.sentAt = performance.now();
    return added;
  }

  /** Write-set nodes that have not acked yet. */
  missingAcks(): string[] {
    return this.writeSet.filter((node) => !this.acked.has(node));
  }
}
