import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageCluster } from '../harness/storage-cluster.js';

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
});
afterAll(() => cluster?.stop());

/** Payloads of varied sizes and random bytes, so a misplaced or truncated entry cannot pass. */
function payloads(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => {
    const body = randomBytes(16 + ((i * 7919) % 2_000));
    body.writeUInt32BE(i, 0);
    return body;
  });
}

describe.each([
  [3, 3, 2],
  [3, 2, 2],
  [1, 1, 1],
])('ledger E=%i Qw=%i Qa=%i', (ensembleSize, writeQuorum, ackQuorum) => {
  it('writes 10,000 entries and reads them back byte-exact, in order', async () => {
    const client = await cluster.client();
    const writer = await client.createLedger({ ensembleSize, writeQuorum, ackQuorum });
    const data = payloads(10_000);
    const confirmed: number[] = [];
    const ids = await Promise.all(
      data.map((payload) =>
        writer.append(payload).then((id) => {
          confirmed.push(id);
          return id;
        }),
      ),
    );
    expect(ids).toEqual(data.map((_, i) => i));
    // Confirmations arrive in entry order.
    expect(confirmed).toEqual(ids);
    const closed = await writer.close();
    expect(closed).toMatchObject({
      status: 'CLOSED',
      lastEntryId: 9_999,
      ensembleSize,
      writeQuorum,
      ackQuorum,
    });
    expect(closed.segments[0]?.nodeIds).toHaveLength(ensembleSize);

    // A fresh client, as another process would.
    const reader = await (await cluster.client()).openLedger(writer.ledgerId);
    expect(reader.lastReadable).toBe(9_999);
    let next = 0;
    for await (const entry of reader.read(0)) {
      expect(entry.entryId).toBe(next);
      expect(entry.payload.equals(data[next] as Buffer), `entry ${next}`).toBe(true);
      next++;
    }
    expect(next).toBe(10_000);
    const single = await reader.readEntry(4_321);
    expect(single.payload.equals(data[4_321] as Buffer)).toBe(true);
  });
});

it('spreads ensembles over the nodes rather than always the first ones', async () => {
  const client = await cluster.client();
  const firsts = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const writer = await client.createLedger({ ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 });
    firsts.add(writer.metadata.segments[0]?.nodeIds[0] as string);
    await writer.close();
  }
  expect(firsts.size).toBeGreaterThan(1);
});
