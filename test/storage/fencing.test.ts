import { afterAll, beforeAll, expect, it } from 'vitest';
import { LedgerFencedError } from '../../storage-node/client/ledger-errors.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
});
afterAll(() => cluster?.stop());

const payloadOf = (i: number) => Buffer.from(`fenced-ledger entry ${i}`);

it.each([
  [3, 3, 2],
  [3, 2, 2],
])(
  'a recovery fences a live writer (E=%i Qw=%i Qa=%i): its later appends fail, nothing confirmed is lost',
  async (ensembleSize, writeQuorum, ackQuorum) => {
    const clientA = await cluster.client();
    const clientB = await cluster.client();
    const writer = await clientA.createLedger({ ensembleSize, writeQuorum, ackQuorum });

    const confirmedToA: number[] = [];
    const failures: unknown[] = [];
    let stop = false;
    // Writer A appends continuously with up to 200 appends in flight.
    const loop = (async () => {
      let inFlight = 0;
      let i = 0;
      while (!stop) {
        if (inFlight >= 200) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          continue;
        }
        inFlight++;
        writer.append(payloadOf(i++)).then(
          (id) => {
            inFlight--;
            confirmedToA.push(id);
          },
          (error: unknown) => {
            inFlight--;
            failures.push(error);
            stop = true;
          },
        );
        if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    await waitFor(() => confirmedToA.length >= 2_000, '2,000 confirmed appends');
    const reader = await clientB.recoverLedger(writer.ledgerId);
    const recoveredLast = reader.lastReadable;
    await waitFor(() => failures.length > 0, 'writer A to notice it was fenced');
    stop = true;
    await loop;

    expect(failures[0]).toBeInstanceOf(LedgerFencedError);
    await expect(writer.append(Buffer.from('after the fence'))).rejects.toBeInstanceOf(
      LedgerFencedError,
    );
    const lastConfirmed = Math.max(...confirmedToA);
    expect(recoveredLast).toBeGreaterThanOrEqual(lastConfirmed);
    const closed = await clientB.metadata(writer.ledgerId);
    expect(closed).toMatchObject({ status: 'CLOSED', lastEntryId: recoveredLast });
    // The fence is on record, with the nodes that confirmed it: no fenced node holds an entry
    // past the end (writer A's later appends were all refused).
    expect(closed.fencedAtMs).toBeGreaterThan(0);
    expect(closed.fencedNodeIds.length).toBeGreaterThanOrEqual(2);
    const client = await cluster.client();
    for (const nodeId of closed.fencedNodeIds) {
      const past = [];
      for await (const read of client
        .node(nodeId)
        .readEntries(writer.ledgerId, recoveredLast + 1, recoveredLast + 10_000)) {
        if (read.status === 'READ_OK') past.push(read.entry?.entryId);
      }
      expect(past, `entries past the end on ${nodeId}`).toEqual([]);
    }

    // Every entry confirmed to A is readable, byte-exact.
    let next = 0;
    for await (const entry of reader.read(0)) {
      expect(entry.payload.equals(payloadOf(next)), `entry ${next}`).toBe(true);
      next++;
    }
    expect(next).toBe(recoveredLast + 1);
    expect(confirmedToA.every((id) => id <= recoveredLast)).toBe(true);
  },
);

it('concurrent recoveries of one ledger converge on one result', async () => {
  const writerClient = await cluster.client();
  const writer = await writerClient.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 });
  // Appends left in flight when the writer "dies": the recoveries decide where the ledger ends.
  await Promise.all(Array.from({ length: 300 }, (_, i) => writer.append(payloadOf(i))));
  for (let i = 300; i < 400; i++) void writer.append(payloadOf(i)).catch(() => {});
  writer.abandon();

  const recoverers = await Promise.all([cluster.client(), cluster.client(), cluster.client()]);
  const results = await Promise.all(recoverers.map((c) => c.recoverLedger(writer.ledgerId)));
  const lasts = new Set(results.map((r) => r.lastReadable));
  expect(lasts.size).toBe(1);
  const last = results[0]?.lastReadable as number;
  expect(last).toBeGreaterThanOrEqual(299);
  const metadata = await writerClient.metadata(writer.ledgerId);
  expect(metadata).toMatchObject({ status: 'CLOSED', lastEntryId: last });
});
