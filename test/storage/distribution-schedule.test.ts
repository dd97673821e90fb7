import { describe, expect, it } from 'vitest';
import { DistributionSchedule } from '../../storage-node/client/distribution-schedule.js';
import { decodeEntry, encodeEntry, idsOfEntry } from '../../storage-node/server/entry-record.js';
import { crc32c } from '@node-rs/crc32';

describe('DistributionSchedule', () => {
  it('stripes write sets from entryId mod E', () => {
    const s = new DistributionSchedule(4, 3, 2);
    expect([0, 1, 2, 3, 4, 5].map((e) => s.writeSet(e))).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 0],
      [3, 0, 1],
      [0, 1, 2],
      [1, 2, 3],
    ]);
  });

  it('needs (Qw - Qa) + 1 answers in every write set to complete a fence', () => {
    const s = new DistributionSchedule(3, 3, 2);
    expect(s.coverageSize).toBe(2);
    expect(s.coversAllAckQuorums(new Set([0, 1]))).toBe(true);
    expect(s.coversAllAckQuorums(new Set([0]))).toBe(false);

    // Striping: E=4, Qw=2, Qa=2 needs one node of each pair {0,1},{1,2},{2,3},{3,0}.
    const striped = new DistributionSchedule(4, 2, 2);
    expect(striped.coversAllAckQuorums(new Set([1, 3]))).toBe(true);
    expect(striped.coversAllAckQuorums(new Set([0, 1]))).toBe(false);

    // E=4, Qw=3, Qa=2: two of every three consecutive nodes.
    const wide = new DistributionSchedule(4, 3, 2);
    expect(wide.coversAllAckQuorums(new Set([0, 1]))).toBe(false);
    expect(wide.coversAllAckQuorums(new Set([0, 2]))).toBe(false);
    expect(wide.coversAllAckQuorums(new Set([0, 1, 2]))).toBe(true);
  });

  it('proves an entry missing only with enough "no entry" answers', () => {
    const s = new DistributionSchedule(3, 3, 2);
    expect(s.provesMissing(1)).toBe(false);
    expect(s.provesMissing(2)).toBe(true);
    expect(new DistributionSchedule(3, 3, 3).provesMissing(1)).toBe(true);
    expect(new DistributionSchedule(1, 1, 1).provesMissing(1)).toBe(true);
  });

  it('picks covering nodes that hold every entry between them', () => {
    for (const [e, qw] of [
      [1, 1],
      [3, 3],
      [3, 2],
      [4, 3],
      [5, 2],
      [7, 3],
    ] as const) {
      const s = new DistributionSchedule(e, qw, 1);
      const covering = new Set(s.coveringNodes());
      for (let entry = 0; entry < e; entry++) {
        expect(
          s.writeSet(entry).some((n) => covering.has(n)),
          `E=${e} Qw=${qw} entry ${entry}`,
        ).toBe(true);
      }
    }
  });

  it('rejects impossible quorums', () => {
    expect(() => new DistributionSchedule(2, 3, 1)).toThrow(/E >= Qw >= Qa >= 1/);
    expect(() => new DistributionSchedule(3, 2, 3)).toThrow(/E >= Qw >= Qa >= 1/);
    expect(() => new DistributionSchedule(0, 0, 0)).toThrow(/E >= Qw >= Qa >= 1/);
  });
});

describe('entry record', () => {
  it('round-trips and detects any damaged byte, or other ids than asked for', () => {
    const payload = Buffer.from('hello, ledger');
    const ids = { ledgerId: 7, entryId: 2 ** 40 + 3 };
    const record = encodeEntry(ids, 41, crc32c(payload), payload);
    expect(idsOfEntry(record)).toEqual(ids);
    expect(decodeEntry(record, ids)).toEqual({ lac: 41, crc32c: crc32c(payload) >>> 0, payload });
    expect(decodeEntry(encodeEntry(ids, -1, crc32c(payload), payload), ids)?.lac).toBe(-1);
    expect(decodeEntry(record, { ledgerId: 7, entryId: 3 })).toBeUndefined();
    expect(decodeEntry(record, { ledgerId: 8, entryId: ids.entryId })).toBeUndefined();
    // Every byte but the LAC's is checked: the format, the CRC, the ids and the payload.
    for (let i = 0; i < record.length; i++) {
      if (i >= 5 && i < 13) continue;
      const damaged = Buffer.from(record);
      damaged[i] = (damaged[i] as number) ^ 1;
      expect(decodeEntry(damaged, ids), `byte ${i}`).toBeUndefined();
    }
  });
});
