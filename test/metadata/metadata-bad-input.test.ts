import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetadataClient } from '../../proto/generated/strata/metadata/v1/Metadata.js';
import { InvalidArgumentError } from '../../services/common/errors.js';
import { ERROR_CODE_TRAILER } from '../../services/common/grpc-errors.js';
import { metadataGrpc } from '../../services/metadata/metadata-grpc.js';
import {
  openMetadataStore,
  parseMetadataUrl,
} from '../../services/metadata/open-metadata-store.js';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import {
  STRATA_BIN,
  startMetadataProcess,
  type MetadataProcess,
} from '../../deploy/local/strata-roles.js';
import { makeTempDir } from '../harness/temp-dir.js';

const group = new ProcessGroup();
let server: MetadataProcess;
let raw: MetadataClient;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  const dir = await makeTempDir('bad-input');
  removeDir = dir.remove;
  server = await startMetadataProcess(group, dir.path);
  // A raw gRPC client: nothing validates on this side, so the server's edge is what is tested.
  raw = new metadataGrpc.Metadata(`127.0.0.1:${server.port}`, credentials.createInsecure(), {
    'grpc.max_send_message_length': 64 * 1024 * 1024,
  });
});

afterAll(async () => {
  raw?.close();
  await group.stopAll();
  await removeDir?.();
});

type Unary = (client: MetadataClient, done: (error: ServiceError | null) => void) => void;

function call(send: Unary): Promise<ServiceError | null> {
  return new Promise((resolve) => send(raw, (error) => resolve(error)));
}

describe('the metadata service at its edge', () => {
  const cases: Array<[string, Unary, status, RegExp]> = [
    [
      'empty key',
      (c, d) => c.Put({ key: '', value: Buffer.from('x') }, d),
      status.INVALID_ARGUMENT,
      /key must be a non-empty string/,
    ],
    [
      'empty key on get',
      (c, d) => c.Get({ key: '' }, d),
      status.INVALID_ARGUMENT,
      /key must be a non-empty string/,
    ],
    [
      'oversized key',
      (c, d) => c.Put({ key: 'k'.repeat(4097), value: Buffer.from('x') }, d),
      status.INVALID_ARGUMENT,
      /key is 4097 bytes; the limit is 4096/,
    ],
    [
      'oversized value',
      (c, d) => c.Put({ key: '/v', value: Buffer.alloc(1024 * 1024 + 1) }, d),
      status.INVALID_ARGUMENT,
      /value is 1048577 bytes; the limit is 1048576/,
    ],
    [
      'negative TTL',
      (c, d) => c.LeaseGrant({ ttlMs: -5 }, d),
      status.INVALID_ARGUMENT,
      /lease TTL must be a positive number of milliseconds, got -5/,
    ],
    ['zero TTL', (c, d) => c.LeaseGrant({ ttlMs: 0 }, d), status.INVALID_ARGUMENT, /lease TTL/],
    [
      'unknown lease on keep-alive',
      (c, d) => c.LeaseKeepAlive({ lease: 424242 }, d),
      status.NOT_FOUND,
      /lease 424242 not found/,
    ],
    [
      'unknown lease on revoke',
      (c, d) => c.LeaseRevoke({ lease: 424242 }, d),
      status.NOT_FOUND,
      /lease 424242 not found/,
    ],
    [
      'unknown lease on put',
      (c, d) => c.Put({ key: '/eph', value: Buffer.from('x'), lease: 424242 }, d),
      status.NOT_FOUND,
      /lease 424242 not found/,
    ],
    [
      'missing lease id',
      (c, d) => c.LeaseKeepAlive({ lease: 0 }, d),
      status.INVALID_ARGUMENT,
      /lease id is required/,
    ],
    [
      'empty transaction',
      (c, d) => c.Txn({ checks: [], ops: [] }, d),
      status.INVALID_ARGUMENT,
      /at least one op or check/,
    ],
    [
      'op that is neither put nor delete',
      (c, d) => c.Txn({ ops: [{}] }, d),
      status.INVALID_ARGUMENT,
      /must be a put or a delete/,
    ],
    [
      'check without a version',
      (c, d) => c.Txn({ checks: [{ key: '/c' }] }, d),
      status.INVALID_ARGUMENT,
      /has no expected version/,
    ],
    [
      'key written twice in a transaction',
      (c, d) =>
        c.Txn(
          { ops: [{ put: { key: '/d', value: Buffer.from('1') } }, { delete: { key: '/d' } }] },
          d,
        ),
      status.INVALID_ARGUMENT,
      /written twice/,
    ],
    [
      'stale version',
      (c, d) => c.Put({ key: '/never', value: Buffer.from('x'), expect: { version: 99 } }, d),
      status.FAILED_PRECONDITION,
      /expected 99, found absent/,
    ],
  ];

  it.each(cases)('rejects %s with a clear status', async (_name, send, code, message) => {
    const error = await call(send);
    expect(error?.code).toBe(code);
    expect(error?.details).toMatch(message);
    expect(error?.metadata.get(ERROR_CODE_TRAILER)[0]).toBeTypeOf('string');
  });

  it('rejects a message beyond the transport limit without harm', async () => {
    const error = await call((c, d) =>
      c.Put({ key: '/huge', value: Buffer.alloc(20 * 1024 * 1024) }, d),
    );
    expect(error?.code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it('survives garbage on its port', async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(
            Buffer.from(
              'GET / HTTP/1.1\r\n\r\n\x00\xff garbage that is not HTTP/2 \x00'.repeat(100),
            ),
          );
          setTimeout(() => socket.destroy(), 100);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    }
    expect(server.process.running).toBe(true);
  });

  it('stays up and serves other clients afterwards', async () => {
    expect(server.process.running).toBe(true);
    const store = await openMetadataStore(server.url);
    const { version } = await store.put('/still-serving', Buffer.from('yes'));
    expect((await store.get('/still-serving'))?.version).toBe(version);
    await store.close();
    expect(server.process.lines.some((l) => l.level === 60)).toBe(false);
  });
});

describe('metadata URLs', () => {
  const malformed: Array<[string, RegExp]> = [
    ['', /malformed metadata URL ""/],
    ['localhost:6600', /malformed metadata URL "localhost:6600": expected memory:\/\//],
    ['strata://', /expected host:port, got ""/],
    ['strata://localhost', /expected host:port, got "localhost"/],
    ['strata://localhost:99999', /expected host:port, got "localhost:99999"/],
    ['etcd://a:2379,,b:2379', /expected host:port, got ""/],
    ['zk://zoo:2181', /unknown metadata backend "zk"/],
    ['memory://extra', /memory:\/\/ takes nothing after it/],
  ];

  it.each(malformed)('rejects %j', async (url, message) => {
    expect(() => parseMetadataUrl(url)).toThrow(InvalidArgumentError);
    expect(() => parseMetadataUrl(url)).toThrow(message);
    await expect(openMetadataStore(url)).rejects.toThrow(message);
  });

  it('accepts the three backends', () => {
    expect(parseMetadataUrl('memory://')).toEqual({ kind: 'memory' });
    expect(parseMetadataUrl('strata://127.0.0.1:6600')).toEqual({
      kind: 'strata',
      address: '127.0.0.1:6600',
    });
    expect(parseMetadataUrl('etcd://h1:2379,h2:2379')).toEqual({
      kind: 'etcd',
      hosts: ['h1:2379', 'h2:2379'],
    });
  });
});

describe('the CLI', () => {
  it('rejects a bad flag with one clear line and a non-zero exit', async () => {
    const run = promisify(execFile);
    const error = await run(process.execPath, [STRATA_BIN, 'metadata', '--port', 'abc']).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).not.toBe(0);
    expect(error?.stderr).toMatch(/not a port number \(0-65535\): abc/);
    expect(error?.stderr).not.toMatch(/\n\s+at /);
  });
});
