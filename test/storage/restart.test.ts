import { crc32c } from '@node-rs/crc32';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GrpcNodeConnection } from '../../storage-node/client/grpc-node-connection.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
});
afterAll(() => cluster?.stop());

const payloadOf = (i: number) => Buffer.from(`restart entry ${i} `.repeat(1 + (i % 5)));

it('keeps every confirmed entry and every fence across kill -9 of all storage nodes', async () => {
  const client = await cluster.client();
  // An open ledger with 2,000 confirmed entries, its writer still holding it.
  const open = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 });
  await Promise.all(Array.from({ length: 2_000 }, (_, i) => open.append(payloadOf(i))));
  // A closed ledger, and a recovered (fenced) one.
  const closed = await client.createLedger({ ensembleSize: 3, writeQuorum: 2, ackQuorum: 2 });
  await Promise.all(Array.from({ length: 500 }, (_, i) => closed.append(payloadOf(i))));
  await closed.close();
  const fenced = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 });
  await Promise.all(Array.from({ length: 100 }, (_, i) => fenced.append(payloadOf(i))));
  await (await cluster.client()).recoverLedger(fenced.ledgerId);

  const before = cluster.nodes.map((n) => n.nodeId);
  await Promise.all(cluster.nodes.map((n) => n.process.kill()));
  const restarted = await Promise.all(cluster.nodes.map((_, i) => cluster.startNode(i)));
  // Same identities, found through their new registrations (new ports).
  expect(restarted.map((n) => n.nodeId)).toEqual(before);

  const after = await cluster.client();
  const recovered = await after.recoverLedger(open.ledgerId);
  expect(recovered.lastReadable).toBeGreaterThanOrEqual(1_999);
  let next = 0;
  for await (const entry of recovered.read(0, 1_999)) {
    expect(entry.payload.equals(payloadOf(next)), `open ledger entry ${next}`).toBe(true);
    next++;
  }
  expect(next).toBe(2_000);
  // The old writer was fenced by that recovery, across the restart.
  await expect(open.append(Buffer.from('late'))).rejects.toMatchObject({ code: 'LEDGER_FENCED' });

  const closedReader = await after.openLedger(closed.ledgerId);
  let count = 0;
  for await (const entry of closedReader.read(0)) {
    expect(entry.payload.equals(payloadOf(count))).toBe(true);
    count++;
  }
  expect(count).toBe(500);

  // The fence of the recovered ledger is on disk on every node: normal adds are refused.
  for (const node of restarted) {
    const connection = new GrpcNodeConnection(node.nodeId, `127.0.0.1:${node.port}`, 5_000);
    try {
      const state = await connection.readLac(fenced.ledgerId);
      expect(state.fenced, node.nodeId).toBe(true);
      expect(state.lastEntryId).toBeGreaterThanOrEqual(99);
      const payload = Buffer.from('zombie');
      const result = await connection.add(
        {
          ledgerId: fenced.ledgerId,
          entryId: 100,
          lac: 99,
          payload,
          crc32c: crc32c(payload) >>> 0,
        },
        false,
      );
      expect(result.status).toBe('ADD_FENCED');
    } finally {
      connection.close();
    }
  }
  await waitFor(() => cluster.nodes.every((n) => n.process.running), 'nodes still up');
});
