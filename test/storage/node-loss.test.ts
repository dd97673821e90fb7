import { afterAll, beforeAll, expect, it } from 'vitest';
import { StorageCluster } from '../harness/storage-cluster.js';

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 4 });
});
afterAll(() => cluster?.stop());

const payloadOf = (i: number) =>
  Buffer.from(`entry ${i} `.padEnd(200, String.fromCharCode(97 + (i % 26))));

it('changes ensemble when a member is killed mid-stream and loses nothing', async () => {
  const client = await cluster.client();
  const writer = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 });
  const ensemble = writer.metadata.segments[0]?.nodeIds as string[];
  const victim = ensemble[1] as string;

  const total = 20_000;
  const window = 500;
  const confirmed: number[] = [];
  let killed = false;
  let nextToSend = 0;
  // A bounded window of appends in flight, like a producer with a pending-message limit.
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      while (nextToSend < total && nextToSend - confirmed.length < window) {
        const i = nextToSend++;
        writer.append(payloadOf(i)).then((id) => {
          confirmed.push(id);
          if (!killed && confirmed.length >= 5_000) {
            killed = true;
            void cluster.node(victim).process.kill();
          }
          if (confirmed.length === total) resolve();
          else pump();
        }, reject);
      }
    };
    pump();
  });

  expect(killed).toBe(true);
  expect(confirmed).toEqual(Array.from({ length: total }, (_, i) => i));
  const closed = await writer.close();
  expect(closed.lastEntryId).toBe(total - 1);
  expect(closed.segments.length).toBeGreaterThanOrEqual(2);
  const last = closed.segments[closed.segments.length - 1];
  expect(last?.nodeIds).not.toContain(victim);
  expect(last?.nodeIds).toHaveLength(3);
  // The replacement came from outside the old ensemble; the survivors stayed.
  expect(last?.nodeIds.filter((n) => !ensemble.includes(n))).toHaveLength(1);
  expect(last?.firstEntryId).toBeGreaterThan(0);

  const reader = await (await cluster.client({}, 3)).openLedger(writer.ledgerId);
  let next = 0;
  for await (const entry of reader.read(0)) {
    expect(entry.entryId).toBe(next);
    expect(entry.payload.equals(payloadOf(next)), `entry ${next}`).toBe(true);
    next++;
  }
  expect(next).toBe(total);
});
