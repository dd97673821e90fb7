import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { crc32c } from '@node-rs/crc32';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddResponse__Output } from '../../proto/generated/strata/storage/v1/AddResponse.js';
import type { AddResult__Output } from '../../proto/generated/strata/storage/v1/AddResult.js';
import type { Entry } from '../../proto/generated/strata/storage/v1/Entry.js';
import type { StorageNodeClient } from '../../proto/generated/strata/storage/v1/StorageNode.js';
import { InvalidArgumentError } from '../../services/common/errors.js';
import {
  EntryIdGapError,
  EntryTooLargeError,
  LedgerClosedError,
  LedgerNotFoundError,
} from '../../storage-node/client/ledger-errors.js';
import { storageGrpc } from '../../storage-node/storage-grpc.js';
import { StorageCluster } from '../harness/storage-cluster.js';

let cluster: StorageCluster;
let raw: StorageNodeClient;

beforeAll(async () => {
  // Node 3 has a free-space threshold no disk meets: it is read-only from the start.
  cluster = await StorageCluster.start({
    nodes: 4,
    nodeArgs: (i) => (i === 3 ? ['--min-free-bytes', '1000000GiB'] : []),
  });
  const node = cluster.nodes[0];
  raw = new storageGrpc.StorageNode(`127.0.0.1:${node?.port}`, credentials.createInsecure(), {
    'grpc.max_send_message_length': 64 * 1024 * 1024,
  });
});

afterAll(async () => {
  raw?.close();
  await cluster?.stop();
});

/** Sends entries on a raw add stream and returns the node's per-entry answers. */
async function addRaw(entries: Entry[], recovery = false): Promise<AddResult__Output[]> {
  const call = raw.AddEntries();
  const results: AddResult__Output[] = [];
  const done = new Promise<void>((resolve, reject) => {
    call.on('data', (response: AddResponse__Output) => results.push(...response.results));
    call.on('end', resolve);
    call.on('error', reject);
  });
  call.write({ entries, recovery });
  call.end();
  await done;
  return results;
}

function entry(
  ledgerId: number,
  entryId: number,
  payload = Buffer.from('x'),
  lac = entryId - 1,
): Entry {
  return { ledgerId, entryId, lac, payload, crc32c: crc32c(payload) >>> 0 };
}

describe('the storage node at its edge', () => {
  it('answers each bad add with its own status and stores the good one beside them', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    const results = await addRaw([
      entry(0, 0),
      entry(2 ** 53, 0),
      entry(7001, -5),
      entry(7001, 3, Buffer.from('x'), 3),
      entry(7001, 4, big),
      { ...entry(7001, 5), crc32c: 12345 },
      entry(7001, 0),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'ADD_INVALID',
      'ADD_INVALID',
      'ADD_INVALID',
      'ADD_INVALID',
      'ADD_TOO_LARGE',
      'ADD_CHECKSUM_MISMATCH',
      'ADD_OK',
    ]);
    expect(results[0]?.message).toMatch(/malformed ledger id 0/);
    expect(results[2]?.message).toMatch(/malformed entry id -5/);
    expect(results[3]?.message).toMatch(/LAC 3 must be at least -1 and below the entry id 3/);
    expect(results[4]?.message).toMatch(/entry is 5242881 bytes; the limit is 5242880/);
    expect(results[5]?.message).toMatch(/CRC32C/);
  });

  it('refuses normal adds to a fenced ledger and still takes recovery adds', async () => {
    await new Promise<void>((resolve, reject) =>
      raw.Fence({ ledgerId: 7002 }, (error: ServiceError | null) =>
        error ? reject(error) : resolve(),
      ),
    );
    expect((await addRaw([entry(7002, 0)]))[0]).toMatchObject({
      status: 'ADD_FENCED',
      message: 'ledger 7002 is fenced',
    });
    expect((await addRaw([entry(7002, 0)], true))[0]?.status).toBe('ADD_OK');
  });

  it('rejects malformed reads with INVALID_ARGUMENT', async () => {
    const error = await new Promise<ServiceError | null>((resolve) =>
      raw.ReadEntry({ ledgerId: 0, entryId: 1 }, (e: ServiceError | null) => resolve(e)),
    );
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.details).toMatch(/malformed ledger id 0/);
    const range = raw.ReadEntries({ ledgerId: 7001, firstEntryId: 5, lastEntryId: 2 });
    const rangeError = await new Promise<ServiceError>((resolve) => range.on('error', resolve));
    expect(rangeError.code).toBe(status.INVALID_ARGUMENT);
    expect(rangeError.details).toMatch(/empty range/);
  });

  it('stays up and keeps serving', async () => {
    expect(cluster.nodes.every((n) => n.process.running)).toBe(true);
    expect((await addRaw([entry(7003, 0)]))[0]?.status).toBe('ADD_OK');
  });
});

describe('the ledger client refuses misuse with distinct errors', () => {
  it('closed ledger, unknown ledger, entry id gap, oversized entry, malformed id', async () => {
    const client = await cluster.client();
    const writer = await client.createLedger({ ensembleSize: 3, writeQuorum: 2, ackQuorum: 2 });
    await writer.append(Buffer.from('0'));
    await expect(writer.append(Buffer.from('5'), { expectedEntryId: 5 })).rejects.toBeInstanceOf(
      EntryIdGapError,
    );
    await expect(writer.append(Buffer.from('1'), { expectedEntryId: 1 })).resolves.toBe(1);
    await expect(writer.append(Buffer.alloc(5 * 1024 * 1024 + 1))).rejects.toBeInstanceOf(
      EntryTooLargeError,
    );
    await writer.close();
    const closedError = await writer.append(Buffer.from('late')).catch((e: unknown) => e);
    expect(closedError).toBeInstanceOf(LedgerClosedError);
    expect(closedError).toMatchObject({
      code: 'LEDGER_CLOSED',
      message: `ledger ${writer.ledgerId} is closed`,
    });

    await expect(client.openLedger(987_654_321)).rejects.toBeInstanceOf(LedgerNotFoundError);
    await expect(client.recoverLedger(987_654_321)).rejects.toMatchObject({
      code: 'LEDGER_NOT_FOUND',
    });
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      await expect(client.openLedger(bad)).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    await expect(
      client.createLedger({ ensembleSize: 2, writeQuorum: 3, ackQuorum: 1 }),
    ).rejects.toThrow(/need E >= Qw >= Qa >= 1/);
  });
});

describe('a read-only node', () => {
  it('says so in its registration, refuses adds, and is replaced by a writer', async () => {
    const client = await cluster.client();
    const readOnly = cluster.nodes[3]?.nodeId as string;
    expect(client.nodes.get(readOnly)?.readOnly).toBe(true);
    // Never chosen for a new ensemble.
    for (let i = 0; i < 5; i++) {
      const w = await client.createLedger({ ensembleSize: 3, writeQuorum: 3, ackQuorum: 3 });
      expect(w.metadata.segments[0]?.nodeIds).not.toContain(readOnly);
      await w.close();
    }
    // Placed on it anyway, the writer treats it as failed and moves on without it.
    const others = cluster.nodes.slice(0, 2).map((n) => n.nodeId);
    const writer = await client.createLedger({
      ensembleSize: 3,
      writeQuorum: 3,
      ackQuorum: 3,
      nodeIds: [...others, readOnly],
    });
    const ids = await Promise.all(
      Array.from({ length: 100 }, (_, i) => writer.append(Buffer.from(`e${i}`))),
    );
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const closed = await writer.close();
    expect(closed.segments[closed.segments.length - 1]?.nodeIds).not.toContain(readOnly);
    expect(
      cluster.nodes[3]?.process.lines.some(
        (l) => l.msg === 'storage node listening' && l.readOnly === true,
      ),
    ).toBe(true);
  });
});
