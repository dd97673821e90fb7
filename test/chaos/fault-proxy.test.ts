import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../deploy/chaos/fault-proxy.js';
import { freePort } from '../../deploy/local/free-port.js';
import { startStorageNodeProcess } from '../../deploy/local/strata-roles.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

// Real sockets on loopback: an echo server is the target, the proxy sits in front of it.

let echo: Server;
let echoPort: number;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  echo = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoPort = (echo.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => echo.close(resolve)));
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function proxyTo(targetPort = echoPort): Promise<FaultProxy> {
  const proxy = await FaultProxy.start({ targetHost: '127.0.0.1', targetPort });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** A connected client socket that remembers how it ended. */
async function dial(port: number): Promise<{
  socket: Socket;
  received: () => Buffer;
  closed: Promise<{ error?: NodeJS.ErrnoException }>;
}> {
  const socket = connect({ host: '127.0.0.1', port });
  cleanups.push(() => socket.destroy());
  const chunks: Buffer[] = [];
  let error: NodeJS.ErrnoException | undefined;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', (e) => (error = e));
  const closed = new Promise<{ error?: NodeJS.ErrnoException }>((resolve) =>
    socket.on('close', () => resolve({ error })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => Buffer.concat(chunks), closed };
}

/** Resolves with `value` if `promise` settles within `ms`, else with 'timeout'. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms))),
  ]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FaultProxy over an echo server', () => {
  it('passes 1 MB both ways intact and counts the bytes', async () => {
    const proxy = await proxyTo();
    const client = await dial(proxy.port);
    const payload = randomBytes(1024 * 1024);
    client.socket.write(payload);
    await waitFor(() => client.received().length >= payload.length, '1 MB echoed');
    expect(client.received().equals(payload)).toBe(true);
    expect(proxy.stats).toMatchObject({
      connections: 1,
      open: 1,
      bytesUp: payload.length,
      bytesDown: payload.length,
      dropped: 0,
    });
    // A FIN is passed on as a FIN: the echo server ends too, and the pair goes away cleanly.
    client.socket.end();
    expect(await within(client.closed, 2_000)).toEqual({ error: undefined });
    await waitFor(() => proxy.stats.open === 0, 'pair closed');
  });

  it('delays each direction by delayMs, preserving order across mode changes', async () => {
    const proxy = await proxyTo();
    const client = await dial(proxy.port);
    const delayMs = 150;
    proxy.setMode({ kind: 'delay', delayMs });
    expect(proxy.mode).toEqual({ kind: 'delay', delayMs });

    const started = performance.now();
    client.socket.write('ping');
    await waitFor(() => client.received().length === 4, 'delayed echo', 5_000, 5);
    // Delayed on the way up and on the way down.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * delayMs - 2);

    // Many small numbered writes, spread over time so they arrive as separate chunks, while the
    // delay shrinks and then passing resumes: nothing may overtake what was queued before it.
    const count = 300;
    const expected = Buffer.alloc(count * 4);
    for (let i = 0; i < count; i++) {
      expected.writeUInt32BE(i, i * 4);
      client.socket.write(expected.subarray(i * 4, i * 4 + 4));
      if (i === 100) proxy.setMode({ kind: 'delay', delayMs: 1 });
      if (i === 200) proxy.setMode({ kind: 'pass' });
      if (i % 10 === 0) await sleep(2);
    }
    await waitFor(() => client.received().length >= 4 + expected.length, 'all numbers echoed');
    expect(client.received().subarray(4).equals(expected)).toBe(true);
  });

  it('drop: black-holes traffic without closing; leaving it cuts only connections that lost bytes', async () => {
    const proxy = await proxyTo();
    const busy = await dial(proxy.port);
    const idle = await dial(proxy.port);
    proxy.setMode({ kind: 'drop' });

    busy.socket.write('lost in the partition');
    expect(await within(busy.closed, 1_000)).toBe('timeout');
    expect(busy.received().length).toBe(0);
    expect(proxy.stats.dropped).toBe('lost in the partition'.length);
    // A connection made during the drop is accepted, then silent.
    const during = await dial(proxy.port);
    during.socket.write('also lost');
    await sleep(300);
    expect(during.received().length).toBe(0);
    expect(proxy.stats.open).toBe(3);

    proxy.setMode({ kind: 'pass' });
    // Their streams miss bytes: they are cut rather than resumed corrupt.
    expect(await within(busy.closed, 2_000)).not.toBe('timeout');
    expect(await within(during.closed, 2_000)).not.toBe('timeout');
    // The idle one lost nothing and carries on.
    idle.socket.write('still here');
    await waitFor(() => idle.received().toString() === 'still here', 'idle connection echo');
    const fresh = await dial(proxy.port);
    fresh.socket.write('after the partition');
    await waitFor(() => fresh.received().toString() === 'after the partition', 'fresh echo');
  });

  it('reset: existing connections are reset at once and new ones refused', async () => {
    const proxy = await proxyTo();
    const client = await dial(proxy.port);
    proxy.setMode({ kind: 'reset' });
    const ended = await within(client.closed, 1_000);
    expect(ended).not.toBe('timeout');
    // RST, not a clean FIN.
    expect((ended as { error?: NodeJS.ErrnoException }).error?.code).toBe('ECONNRESET');

    // The TCP handshake completes (the kernel accepts) and the connection is reset right away.
    const refused = connect({ host: '127.0.0.1', port: proxy.port });
    refused.write('anyone?');
    const outcome = await within(
      new Promise<string>((resolve) => {
        refused.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        refused.on('close', () => resolve('closed'));
      }),
      1_000,
    );
    expect(outcome).not.toBe('timeout');
    await waitFor(() => proxy.stats.open === 0, 'no pair left');

    proxy.setMode({ kind: 'pass' });
    const again = await dial(proxy.port);
    again.socket.write('back');
    await waitFor(() => again.received().toString() === 'back', 'echo after reset');
  });

  it('closes the client connection when the target is down', async () => {
    const proxy = await proxyTo(await freePort());
    const client = await dial(proxy.port);
    expect(await within(client.closed, 2_000)).not.toBe('timeout');
    await waitFor(() => proxy.stats.open === 0, 'pair gone');
    expect(proxy.stats.connections).toBe(1);
  });

  it('pushes back on a slow target instead of buffering without bound', async () => {
    let stalled: Socket | undefined;
    const received: number[] = [];
    const slow = createServer((socket) => {
      stalled = socket;
      socket.pause();
      socket.on('data', (chunk: Buffer) => received.push(chunk.length));
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => slow.close(resolve)));
    const proxy = await proxyTo((slow.address() as { port: number }).port);
    const client = await dial(proxy.port);
    cleanups.push(() => stalled?.destroy());
    const total = 64 * 1024 * 1024;
    const block = randomBytes(1024 * 1024);
    for (let i = 0; i < total / block.length; i++) client.socket.write(block);
    await sleep(1_000);
    // What the proxy took is bounded by kernel socket buffers, not by what the client sent.
    expect(proxy.stats.bytesUp).toBeLessThan(total / 2);
    expect(client.socket.writableLength).toBeGreaterThan(0);

    stalled?.resume();
    await waitFor(
      () => received.reduce((a, b) => a + b, 0) === total,
      'everything delivered once the target reads',
      20_000,
    );
    expect(proxy.stats.bytesUp).toBe(total);
  });

  it('close() closes the listener and every connection', async () => {
    const proxy = await FaultProxy.start({ targetHost: '127.0.0.1', targetPort: echoPort });
    const a = await dial(proxy.port);
    const b = await dial(proxy.port);
    proxy.setMode({ kind: 'delay', delayMs: 10_000 });
    a.socket.write('queued');
    await proxy.close();
    expect(await within(a.closed, 1_000)).not.toBe('timeout');
    expect(await within(b.closed, 1_000)).not.toBe('timeout');
    expect(proxy.stats.open).toBe(0);
    const refused = connect({ host: '127.0.0.1', port: proxy.port });
    const code = await new Promise((resolve) =>
      refused.on('error', (e: NodeJS.ErrnoException) => resolve(e.code)),
    );
    expect(code).toBe('ECONNREFUSED');
  });

  it('rejects a nonsense delay', async () => {
    const proxy = await proxyTo();
    expect(() => proxy.setMode({ kind: 'delay', delayMs: -1 })).toThrow(RangeError);
    expect(proxy.mode).toEqual({ kind: 'pass' });
  });
});

describe('FaultProxy in front of a storage node', () => {
  let cluster: StorageCluster;
  let proxy: FaultProxy;
  beforeAll(async () => {
    // No direct node: the proxied node is the only one, so a ledger cannot escape the partition
    // by an ensemble change.
    cluster = await StorageCluster.start({ nodes: 0 });
    const nodePort = await freePort();
    proxy = await FaultProxy.start({ targetHost: '127.0.0.1', targetPort: nodePort });
    await startStorageNodeProcess(cluster.group, {
      name: 'storage-node-proxied',
      dataDir: join(cluster.root, 'proxied'),
      metadataUrl: cluster.metadataUrl,
      args: [
        '--port',
        String(nodePort),
        '--advertise-address',
        `127.0.0.1:${proxy.port}`,
        '--lease-ttl-ms',
        '3000',
        '--min-free-bytes',
        '1MiB',
      ],
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await cluster?.stop();
  });

  it('an append does not complete while dropped, and a new writer works after', async () => {
    const timeouts = {
      addTimeoutMs: 2_000,
      requestTimeoutMs: 1_000,
      ensembleChangeTimeoutMs: 2_000,
    };
    const client = await cluster.client(timeouts, 1);
    const quorum = { ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 };
    const writer = await client.createLedger(quorum);
    for (let i = 0; i < 20; i++) expect(await writer.append(Buffer.from(`entry ${i}`))).toBe(i);
    expect(proxy.stats.bytesUp).toBeGreaterThan(0);
    expect(proxy.stats.bytesDown).toBeGreaterThan(0);

    proxy.setMode({ kind: 'drop' });
    const startedAt = performance.now();
    const stuck = writer.append(Buffer.from('into the void')).then(
      (id) => ({ ok: true as const, id, afterMs: performance.now() - startedAt }),
      (error: Error) => ({ ok: false as const, error, afterMs: performance.now() - startedAt }),
    );
    expect(await within(stuck, 1_000)).toBe('timeout');
    expect(proxy.stats.dropped).toBeGreaterThan(0);
    // The client gives up on its own: the add timeout marks the node failed, and with no other
    // node to replace it the ensemble change runs out of time.
    const outcome = await within(stuck, 15_000);
    expect(outcome).not.toBe('timeout');
    expect(outcome).toMatchObject({ ok: false });
    expect(writer.isWritable).toBe(false);

    proxy.setMode({ kind: 'pass' });
    const second = await client.createLedger(quorum);
    expect(await second.append(Buffer.from('after the partition'))).toBe(0);
    expect((await second.close()).lastEntryId).toBe(0);
    // Recovery through the healed proxy finds exactly what was confirmed before the partition:
    // the entry sent into the drop never reached the node.
    const recovered = await client.recoverLedger(writer.ledgerId);
    expect(recovered.lastReadable).toBe(19);
  });
});
