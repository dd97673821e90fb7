import { afterAll, beforeAll, expect, it } from 'vitest';
import { StorageCluster } from '../harness/storage-cluster.js';
import { damageStoredEntry } from '../harness/stored-entry.js';

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
});
afterAll(() => cluster?.stop());

const payloadOf = (i: number) => Buffer.from(`corruption test entry ${i}`.padEnd(100, '.'));

it('reads the good copy when one replica is corrupt, and reports the corrupt one', async () => {
  const client = await cluster.client();
  const writer = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 });
  await Promise.all(Array.from({ length: 50 }, (_, i) => writer.append(payloadOf(i))));
  const metadata = await writer.close();
  // Entry 3's write set starts at ensemble index 3 mod 3 = 0: that node is asked first.
  const firstReplica = metadata.segments[0]?.nodeIds[0] as string;
  const index = cluster.indexOf(firstReplica);
  const node = cluster.nodes[index];
  if (!node) throw new Error('replica not found');

  // Damage the stored copy directly in the node's LevelDB, with the node stopped.
  await node.process.stop();
  await damageStoredEntry(node.dataDir, writer.ledgerId, 3, 5);
  const restarted = await cluster.startNode(index);

  const reader = await (await cluster.client()).openLedger(writer.ledgerId);
  const entry = await reader.readEntry(3);
  expect(entry.payload.equals(payloadOf(3))).toBe(true);
  // The range path falls back the same way.
  let next = 0;
  for await (const e of reader.read(0)) {
    expect(e.payload.equals(payloadOf(next)), `entry ${next}`).toBe(true);
    next++;
  }
  expect(next).toBe(50);

  const report = restarted.process.lines.find((l) => l.msg?.startsWith('corrupt entry'));
  expect(report).toMatchObject({ ledgerId: writer.ledgerId, entryId: 3, level: 50 });
});
