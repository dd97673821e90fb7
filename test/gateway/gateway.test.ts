import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  credentials,
  loadPackageDefinition,
  type ChannelCredentials,
  type ServiceError,
} from '@grpc/grpc-js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GenericClient = any;
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../deploy/local/strata-roles.js';
import { messagingGrpc } from '../../gateway/messaging-grpc.js';
import { storedBatchCodec } from '../../gateway/stored-batch.js';
import type { ManagedLedgerInfo__Output } from '../../proto/generated/strata/gateway/v1/ManagedLedgerInfo.js';
import type { MessagingClient } from '../../proto/generated/strata/v1/Messaging.js';
import type {
  MessageBatch,
  MessageBatch__Output,
} from '../../proto/generated/strata/v1/MessageBatch.js';
import type { ProduceResponse__Output } from '../../proto/generated/strata/v1/ProduceResponse.js';
import { loadMessageCodec } from '../../proto/load.js';
import { OWNER_TRAILER } from '../../services/common/grpc-errors.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { StorageCluster } from '../harness/storage-cluster.js';
import { waitFor } from '../harness/wait.js';

const batchCodec = loadMessageCodec<MessageBatch, MessageBatch__Output>(
  'strata/v1/messaging.proto',
  'strata.v1.MessageBatch',
);
const infoCodec = loadMessageCodec<object, ManagedLedgerInfo__Output>(
  'strata/gateway/v1/topic_state.proto',
  'strata.gateway.v1.ManagedLedgerInfo',
);

let cluster: StorageCluster;
const gateways: GatewayProcess[] = [];
const clients = new Map<string, MessagingClient>();

beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
  for (const name of ['gateway-a', 'gateway-b']) {
    gateways.push(
      await startGatewayProcess(cluster.group, {
        name,
        metadataUrl: cluster.metadataUrl,
        args: [
          '--lease-ttl-ms',
          '3000',
          '--ensemble-size',
          '3',
          '--write-quorum',
          '3',
          '--ack-quorum',
          '2',
        ],
      }),
    );
  }
});

afterAll(async () => {
  for (const client of clients.values()) client.close();
  await cluster?.stop();
});

function client(address: string): MessagingClient {
  let existing = clients.get(address);
  if (!existing) {
    existing = new messagingGrpc.Messaging(address, credentials.createInsecure(), {
      'grpc.max_send_message_length': 64 * 1024 * 1024,
    });
    clients.set(address, existing);
  }
  return existing;
}

function lookup(address: string, topic: string): Promise<string> {
  return new Promise((resolve, reject) =>
    client(address).Lookup({ topic }, (error, response) =>
      error ? reject(error) : resolve(response?.ownerAddress ?? ''),
    ),
  );
}

const batchOf = (n: number, tag: string) =>
  batchCodec.encode({
    messages: Array.from({ length: n }, (_, i) => ({
      payload: Buffer.from(`${tag}-${i}`),
      sequenceId: i,
    })),
  });

/** Opens a produce stream, sends `sends`, and collects every response until the stream ends. */
async function produce(
  address: string,
  topic: string,
  sends: Array<{ batch: Buffer; messageCount: number }>,
  opening = true,
): Promise<{ responses: ProduceResponse__Output[]; error?: ServiceError }> {
  const call = client(address).Produce();
  const responses: ProduceResponse__Output[] = [];
  const done = new Promise<ServiceError | undefined>((resolve) => {
    call.on('data', (response: ProduceResponse__Output) => responses.push(response));
    call.on('error', (error: ServiceError) => resolve(error));
    call.on('end', () => resolve(undefined));
  });
  if (opening) call.write({ open: { topic, producerName: '' } });
  sends.forEach((send, i) =>
    call.write({
      send: {
        requestId: i + 1,
        batch: send.batch,
        messageCount: send.messageCount,
        firstSequenceId: 0,
      },
    }),
  );
  call.end();
  const error = await done;
  return error ? { responses, error } : { responses };
}

it('any gateway answers a lookup with the one owner, and the owner stores batches in order', async () => {
  const topic = `persistent://public/default/orders-${Date.now()}`;
  const owner = await lookup(gateways[1]?.address as string, topic);
  expect(gateways.map((g) => g.address)).toContain(owner);
  expect(await lookup(gateways[0]?.address as string, topic)).toBe(owner);

  const sends = Array.from({ length: 200 }, (_, i) => ({
    batch: batchOf(5, `b${i}`),
    messageCount: 5,
  }));
  const { responses, error } = await produce(owner, topic, sends);
  expect(error).toBeUndefined();
  expect(responses[0]?.opened?.topic).toBe(topic);
  const receipts = responses.slice(1).map((r) => r.receipt);
  expect(receipts.map((r) => r?.requestId)).toEqual(sends.map((_, i) => i + 1));
  for (let i = 1; i < receipts.length; i++) {
    const [a, b] = [receipts[i - 1]?.first, receipts[i]?.first];
    expect((b?.ledgerId ?? 0) * 1e6 + (b?.entryId ?? 0)).toBeGreaterThan(
      (a?.ledgerId ?? 0) * 1e6 + (a?.entryId ?? 0),
    );
  }
  expect(receipts.every((r) => r?.messageCount === 5 && (r.publishTimeMs ?? 0) > 0)).toBe(true);

  // The other gateway redirects to the owner.
  const other = gateways.map((g) => g.address).find((a) => a !== owner) as string;
  const redirected = await produce(other, topic, [{ batch: batchOf(1, 'x'), messageCount: 1 }]);
  expect(redirected.error?.metadata.get('strata-error-code')[0]).toBe('NOT_OWNER');
  expect(redirected.error?.metadata.get(OWNER_TRAILER)[0]).toBe(owner);
});

it('refuses bad produce input clearly and keeps the stream and the gateway up', async () => {
  const topic = `bad-input-${Date.now()}`;
  const owner = await lookup(gateways[0]?.address as string, topic);
  const { responses, error } = await produce(owner, topic, [
    { batch: Buffer.alloc(5 * 1024 * 1024 + 1), messageCount: 1 },
    { batch: batchOf(3, 'miscounted'), messageCount: 2 },
    { batch: Buffer.from([0xff, 0xff, 0xff]), messageCount: 1 },
    { batch: batchOf(2, 'fine'), messageCount: 2 },
  ]);
  expect(error).toBeUndefined();
  expect(responses.slice(1).map((r) => r.error?.code ?? 'receipt')).toEqual([
    'MESSAGE_TOO_LARGE',
    'INVALID_ARGUMENT',
    'INVALID_ARGUMENT',
    'receipt',
  ]);
  const unopened = await produce(
    owner,
    topic,
    [{ batch: batchOf(1, 'x'), messageCount: 1 }],
    false,
  );
  expect(unopened.error?.details).toMatch(/must start with ProducerOpen/);
  const badName = await new Promise<ServiceError>((resolve) =>
    client(owner).Lookup({ topic: 'persistent://a/b/c/d' }, (e) => resolve(e as ServiceError)),
  );
  expect(badName.details).toMatch(/invalid topic name/);
  expect(gateways.every((g) => g.process.running)).toBe(true);
});

it('moves a topic to the surviving gateway after kill -9 of its owner, without copying data', async () => {
  const topic = `failover-${Date.now()}`;
  const ownerAddress = await lookup(gateways[0]?.address as string, topic);
  const owner = gateways.find((g) => g.address === ownerAddress) as GatewayProcess;
  const survivor = gateways.find((g) => g !== owner) as GatewayProcess;
  const before = await produce(
    ownerAddress,
    topic,
    Array.from({ length: 50 }, (_, i) => ({ batch: batchOf(2, `before${i}`), messageCount: 2 })),
  );
  expect(before.responses.filter((r) => r.receipt)).toHaveLength(50);

  const killedAt = Date.now();
  await owner.process.kill();
  // Clients look up again until the lease of the dead owner has expired and the survivor takes over.
  await waitFor(
    async () => (await lookup(survivor.address, topic).catch(() => '')) === survivor.address,
    'takeover',
    15_000,
    100,
  );
  const after = await produce(survivor.address, topic, [
    { batch: batchOf(2, 'after'), messageCount: 2 },
  ]);
  const firstSendAfterKillMs = Date.now() - killedAt;
  expect(after.responses.filter((r) => r.receipt)).toHaveLength(1);
  console.log(
    `failover: first successful send ${firstSendAfterKillMs} ms after kill -9 (lease TTL 3000 ms)`,
  );

  // Every batch acknowledged before the kill is in the topic's ledgers, where it was written.
  const metadata = await openMetadataStore(cluster.metadataUrl);
  const ledgers = await cluster.client();
  const info = infoCodec.decode(
    (await metadata.get(`/strata/topics/public/default/${topic}`))?.value as Buffer,
  );
  const stored: string[] = [];
  for (const { ledgerId } of info.ledgers) {
    const reader = await ledgers.openLedger(ledgerId).catch(() => undefined);
    if (!reader || reader.lastReadable < 0) continue;
    for await (const entry of reader.read(0)) {
      const batch = batchCodec.decode(storedBatchCodec.decode(entry.payload).batch);
      stored.push(batch.messages[0]?.payload.toString() ?? '');
    }
  }
  await metadata.close();
  // (The survivor's own new entry is past its ledger's piggybacked LAC: its receipt is the proof.)
  expect(stored.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => `before${i}-0`));
});

it('serves the standard gRPC health check and server reflection', async () => {
  const require = createRequire(import.meta.url);
  // One still running (the failover test killed the other).
  const address = gateways.find((g) => g.process.running)?.address as string;
  const healthPackage = loadPackageDefinition(
    loadSync(healthProtoPath, { enums: String }),
  ) as never as {
    grpc: { health: { v1: { Health: new (a: string, c: ChannelCredentials) => GenericClient } } };
  };
  const health = new healthPackage.grpc.health.v1.Health(address, credentials.createInsecure());
  const checked = await new Promise<{ status: string }>((resolve, reject) =>
    health.Check(
      { service: 'strata.v1.Messaging' },
      (error: Error | null, response: { status: string }) =>
        error ? reject(error) : resolve(response),
    ),
  );
  expect(checked.status).toBe('SERVING');
  health.close();

  const reflectionProto = join(
    dirname(require.resolve('@grpc/reflection/package.json')),
    'build/proto/grpc/reflection/v1/reflection.proto',
  );
  const reflectionPackage = loadPackageDefinition(loadSync(reflectionProto)) as never as {
    grpc: {
      reflection: {
        v1: { ServerReflection: new (a: string, c: ChannelCredentials) => GenericClient };
      };
    };
  };
  const reflection = new reflectionPackage.grpc.reflection.v1.ServerReflection(
    address,
    credentials.createInsecure(),
  );
  const call = reflection.ServerReflectionInfo();
  const services = await new Promise<string[]>((resolve, reject) => {
    call.on('data', (response: { listServicesResponse?: { service: Array<{ name: string }> } }) =>
      resolve(response.listServicesResponse?.service.map((s) => s.name) ?? []),
    );
    call.on('error', reject);
    call.write({ listServices: '' });
  });
  call.end();
  reflection.close();
  expect(services).toContain('strata.v1.Messaging');
});

it('exposes Prometheus metrics, health and its owned topics on the HTTP port', async () => {
  const live = gateways.filter((g) => g.process.running);
  const topic = `metrics-${Date.now()}`;
  const owner = await lookup(live[0]?.address as string, topic);
  const gateway = live.find((g) => g.address === owner) as GatewayProcess;
  await produce(
    owner,
    topic,
    Array.from({ length: 10 }, (_, i) => ({ batch: batchOf(3, `m${i}`), messageCount: 3 })),
  );

  const base = `http://127.0.0.1:${gateway.httpPort}`;
  const metrics = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) =>
    Number(new RegExp(`^${name} (\\d+(?:\\.\\d+)?)$`, 'm').exec(metrics)?.[1]);
  expect(value('strata_gateway_messages_in_total')).toBeGreaterThanOrEqual(30);
  expect(value('strata_gateway_topics_owned')).toBeGreaterThanOrEqual(1);
  expect(metrics).toMatch(/strata_gateway_append_seconds_bucket/);
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
  const owned = (await (await fetch(`${base}/admin/v1/owned-topics`)).json()) as {
    topics: string[];
  };
  expect(owned.topics).toContain(`public/default/${topic}`);
  expect((await fetch(`${base}/nowhere`)).status).toBe(404);
});
