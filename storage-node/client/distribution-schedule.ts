import { InvalidArgumentError } from '../../services/common/errors.js';

/**
 * The quorum arithmetic of a ledger, and nothing else (BookKeeper's DistributionSchedule). Nodes
 * are ensemble indexes 0..E-1.
 */
export class DistributionSchedule {
  readonly ensembleSize: number;
  readonly writeQuorum: number;
  readonly ackQuorum: number;

  constructor(ensembleSize: number, writeQuorum: number, ackQuorum: number) {
    validateQuorums(ensembleSize, writeQuorum, ackQuorum);
    this.ensembleSize = ensembleSize;
    this.writeQuorum = writeQuorum;
    this.ackQuorum = ackQuorum;
  }

  /** The Qw ensemble indexes entry `entryId` is written to, starting at entryId mod E. */
  writeSet(entryId: number): number[] {
    const start = entryId % this.ensembleSize;
    const set = new Array<number>(this.writeQuorum);
    for (let i = 0; i < this.writeQuorum; i++) set[i] = (start + i) % this.ensembleSize;
    return set;
  }

  /**
   * Answers from this many nodes of a write set mean every ack quorum in it holds one of them:
   * (Qw - Qa) + 1. Fencing needs it in every write set, and an entry is provably never acked once
   * this many of its write set say they lack it.
   */
  get coverageSize(): number {
    return this.writeQuorum - this.ackQuorum + 1;
  }

  /** Whether the responding nodes cover every ack quorum of every write set (fencing is complete). */
  coversAllAckQuorums(responded: ReadonlySet<number>): boolean {
    for (let start = 0; start < this.ensembleSize; start++) {
      let count = 0;
      for (const index of this.writeSet(start)) if (responded.has(index)) count++;
      if (count < this.coverageSize) return false;
    }
    return true;
  }

  /** Whether this many "no such entry" answers from an entry's write set prove it was never acked. */
  provesMissing(noEntryAnswers: number): boolean {
    return noEntryAnswers >= this.coverageSize;
  }

  /** The fewest nodes whose write sets together hold every entry: for reading a range. */
  coveringNodes(): number[] {
    const nodes: number[] = [];
    for (let index = 0; index < this.ensembleSize; index += this.writeQuorum) nodes.push(index);
    // Every write set is Qw consecutive indexes: it holds a multiple of Qw, or wraps past E and
    // holds index 0.
    return nodes;
  }
}

export function validateQuorums(
  ensembleSize: number,
  writeQuorum: number,
  ackQuorum: number,
): void {
  const ok = [ensembleSize, writeQuorum, ackQuorum].every((n) => Number.isInteger(n) && n >= 1);
  if (!ok || !(ensembleSize >= writeQuorum && writeQuorum >= ackQuorum)) {
    throw new InvalidArgumentError(
      `invalid quorums E=${ensembleSize} Qw=${writeQuorum} Qa=${ackQuorum}: need E >= Qw >= Qa >= 1`,
    );
  }
}
