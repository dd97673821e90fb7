import { crc32c } from '@node-rs/crc32';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GrpcNodeConnection } from '../../storage-node/client/grpc-node-connection.js';
import { StorageCluster } from '../harness/storage-cluster.js';

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 4 });
});
afterAll(() => cluster?.stop());

const entry = (ledgerId: number, entryId: number, text: string) => {
  const payload = Buffer.from(text);
  return { ledgerId, entryId, lac: entryId - 1, payload, crc32c: crc32c(payload) >>> 0 };
};

function connect(index: number): GrpcNodeConnection {
  const node = cluster.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  return new GrpcNodeConnection(node.nodeId, `127.0.0.1:${node.port}`, 5_000);
}

it('matches each add answer to its own request, even when answers come back out of order', async () => {
  const connection = connect(0);
  try {
    await connection.fence(8001);
    // The recovery add waits for a group commit; the normal add is refused at once. Both name the
    // same ledger and entry, so only a request id can tell their answers apart.
    const [recovery, normal] = await Promise.all([
      connection.add(entry(8001, 0, 'recovered'), true),
      connection.add(entry(8001, 0, 'zombie'), false),
    ]);
    expect(recovery.status).toBe('ADD_OK');
    expect(normal.status).toBe('ADD_FENCED');
    const stored = await connection.readEntry(8001, 0);
    expect(stored.entry?.payload.toString()).toBe('recovered');
  } finally {
    connection.close();
  }
});

it('keeps a deleted ledger fenced, so a late writer cannot bring it back', async () => {
  const connection = connect(1);
  try {
    expect((await connection.add(entry(8002, 0, 'first'), false)).status).toBe('ADD_OK');
    expect(await connection.deleteLedger(8002)).toBe(true);
    expect((await connection.readEntry(8002, 0)).status).toBe('READ_NO_ENTRY');
    expect((await connection.add(entry(8002, 1, 'late'), false)).status).toBe('ADD_FENCED');
    expect((await connection.readLac(8002)).fenced).toBe(true);
  } finally {
    connection.close();
  }
});

it('recovers to full write quorums with a dead ensemble member, recording the replacement with the close', async () => {
  const client = await cluster.client();
  const ensemble = cluster.nodes.slice(0, 3).map((n) => n.nodeId);
  const spare = cluster.nodes[3]?.nodeId as string;
  const writer = await client.createLedger({
    ensembleSize: 3,
    writeQuorum: 3,
    ackQuorum: 2,
    nodeIds: ensemble,
  });
  await Promise.all(
    Array.from({ length: 200 }, (_, i) => writer.append(Buffer.from(`entry ${i}`))),
  );
  writer.abandon();
  const victim = ensemble[2] as string;
  await cluster.node(victim).process.kill();

  const recoverer = await cluster.client({}, 3);
  const reader = await recoverer.recoverLedger(writer.ledgerId);
  expect(reader.lastReadable).toBe(199);
  const metadata = await recoverer.metadata(writer.ledgerId);
  expect(metadata.status).toBe('CLOSED');
  // Recovery re-wrote the tail after the nodes' LAC to full write quorums: on the spare, since the
  // third node is dead. The replacement is in the closing metadata, and the spare has the entries.
  const last = metadata.segments[metadata.segments.length - 1];
  expect(last?.nodeIds).toEqual([ensemble[0], ensemble[1], spare]);
  expect(last?.firstEntryId).toBeLessThanOrEqual(199);
  const spareNode = connect(3);
  try {
    for (let id = last?.firstEntryId ?? 0; id <= 199; id++) {
      const copy = await spareNode.readEntry(writer.ledgerId, id);
      expect(copy.status, `entry ${id} on the spare`).toBe('READ_OK');
    }
  } finally {
    spareNode.close();
  }
  for (let id = 0; id <= reader.lastReadable; id++) {
    expect((await reader.readEntry(id)).payload.toString()).toBe(`entry ${id}`);
  }
});
