import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  startMetadataProcess,
  startStorageNodeProcess,
  strataArgs,
} from '../../deploy/local/strata-roles.js';
import { ManagedProcess } from '../../deploy/local/managed-process.js';
import { GrpcNodeConnection } from '../../storage-node/client/grpc-node-connection.js';
import { StorageCluster } from '../harness/storage-cluster.js';

const GC_ARGS = ['--gc-interval-ms', '300'];

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3, nodeArgs: () => GC_ARGS });
});
afterAll(() => cluster?.stop());

const payloadOf = (i: number) => Buffer.from(`gc entry ${i} `.repeat(1 + (i % 7)));

/** The entries of a ledger that one node answers READ_OK for, asked of that node alone. */
async function heldBy(port: number, ledgerId: number, last: number): Promise<number[]> {
  const connection = new GrpcNodeConnection('probe', `127.0.0.1:${port}`, 5_000);
  try {
    const held: number[] = [];
    for await (const response of connection.readEntries(ledgerId, 0, last)) {
      if (response.status === 'READ_OK') held.push(response.entry!.entryId);
    }
    return held;
  } finally {
    connection.close();
  }
}

const all = (count: number) => Array.from({ length: count }, (_, i) => i);

it('deletes, once the node is back, the entries of a ledger deleted while it was down', async () => {
  const client = await cluster.client();
  const deleted = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 3 });
  await Promise.all(all(300).map((i) => deleted.append(payloadOf(i))));
  await deleted.close();
  const kept = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 3 });
  await Promise.all(all(100).map((i) => kept.append(payloadOf(i))));
  await kept.close();

  const index = 1;
  const away = cluster.nodes[index]!;
  expect(await heldBy(away.port, deleted.ledgerId, 299)).toEqual(all(300));
  await away.process.kill();
  const { unreachable } = await client.deleteLedger(deleted.ledgerId);
  expect(unreachable).toEqual([away.nodeId]);

  const back = await cluster.startNode(index);
  const line = await back.process.waitForLine(
    (l) => l.msg === 'deleted the entries of a ledger whose metadata is gone',
  );
  expect(line.ledgerId).toBe(deleted.ledgerId);
  expect(await heldBy(back.port, deleted.ledgerId, 299)).toEqual([]);
  // A ledger that still has metadata keeps every entry, on this node and through the client.
  expect(await heldBy(back.port, kept.ledgerId, 99)).toEqual(all(100));
  const reader = await (await cluster.client()).openLedger(kept.ledgerId);
  let next = 0;
  for await (const entry of reader.read(0)) {
    expect(entry.payload.equals(payloadOf(next)), `entry ${next}`).toBe(true);
    next++;
  }
  expect(next).toBe(100);
});

it('refuses to start against the metadata store of another cluster, and keeps its data', async () => {
  const client = await cluster.client();
  const ledger = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 3 });
  await Promise.all(all(200).map((i) => ledger.append(payloadOf(i))));
  await ledger.close();

  const index = 2;
  const node = cluster.nodes[index]!;
  await node.process.stop();
  // A fresh metadata service knows no ledger at all: every one would look deleted.
  const stranger = await startMetadataProcess(cluster.group, join(cluster.root, 'stranger'));
  const misplaced = cluster.group.add(
    new ManagedProcess('storage-node-misplaced', process.execPath, [
      ...strataArgs(),
      'storage-node',
      '--port',
      '0',
      '--data-dir',
      node.dataDir,
      '--metadata-url',
      stranger.url,
      ...GC_ARGS,
    ]),
  );
  const exit = await misplaced.exited;
  expect(exit.code).not.toBe(0);
  expect(misplaced.tail()).toMatch(/belongs to cluster .* refusing to start/);

  // Back on its own cluster the node starts, and its collector looks every ledger up and keeps it.
  const home = await startStorageNodeProcess(cluster.group, {
    name: 'storage-node-home',
    dataDir: node.dataDir,
    metadataUrl: cluster.metadataUrl,
    args: [...GC_ARGS, '--log-level', 'debug'],
  });
  const pass = await home.process.waitForLine((l) => l.msg === 'garbage collection pass');
  expect(pass.checked).toBeGreaterThanOrEqual(2);
  expect(pass.deleted).toEqual([]);
  expect(pass.refused).toBeUndefined();
  expect(await heldBy(home.port, ledger.ledgerId, 199)).toEqual(all(200));
});
