import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startStandaloneProcess, type StandaloneProcess } from '../../deploy/local/strata-roles.js';
import type { MessagingClient } from '../../proto/generated/strata/v1/Messaging.js';
import {
  createAdmin,
  createClient,
  type ReceivedMessage,
  type StrataAdmin,
  type StrataClient,
  type TopicStats,
} from '../../sdk/index.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { StrataError } from '../../services/common/errors.js';
import { fromServiceError } from '../../services/common/grpc-errors.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { messagingClient, RawConsumer, RawProducer } from '../harness/messaging-client.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { take, waitFor } from '../harness/wait.js';

// The admin API over gRPC, through the SDK's admin client, against a real standalone (metadata,
// a storage node and a gateway in one process).

const group = new ProcessGroup();
const cleanups: Array<() => Promise<void> | void> = [];
let standalone: StandaloneProcess;
let admin: StrataAdmin;
let raw: MessagingClient;
let metadata: MetadataStore;

beforeAll(async () => {
  const dir = await makeTempDir('admin-grpc');
  cleanups.push(dir.remove);
  standalone = await startStandaloneProcess(group, { dataDir: dir.path });
  admin = createAdmin({ serviceUrl: standalone.serviceUrl });
  raw = messagingClient(standalone.serviceUrl);
  metadata = await openMetadataStore(standalone.metadataUrl);
});

afterAll(async () => {
  try {
    await Promise.race([
      Promise.all(clients.map((c) => c.close())),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]);
    admin?.close();
    raw?.close();
    await metadata?.close();
  } finally {
    await group.stopAll();
    for (const cleanup of cleanups) await cleanup();
  }
});

const clients: StrataClient[] = [];
function client(): StrataClient {
  const created = createClient({ serviceUrl: standalone.serviceUrl, operationTimeoutMs: 10_000 });
  clients.push(created);
  return created;
}

let unique = 0;
const uniqueName = (label: string) => `${label}-${Date.now().toString(36)}-${++unique}`;

/** The StrataError a call fails with; fails the test if it succeeds. */
async function failure(call: Promise<unknown>): Promise<StrataError> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(StrataError);
    return error as StrataError;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

async function expectFailure(
  call: Promise<unknown>,
  code: string,
  message: RegExp,
  grpcStatus?: status,
): Promise<StrataError> {
  const error = await failure(call);
  expect({ code: error.code, message: error.message }).toMatchObject({
    code,
    message: expect.stringMatching(message),
  });
  if (grpcStatus !== undefined) expect(error.grpcStatus).toBe(grpcStatus);
  return error;
}

/** A raw Lookup, failing with the typed error the gateway sent. */
function lookup(topic: string): Promise<string> {
  return new Promise((resolve, reject) =>
    raw.Lookup({ topic }, { deadline: Date.now() + 10_000 }, (error, response) =>
      error ? reject(fromServiceError(error)) : resolve(response?.ownerAddress ?? ''),
    ),
  );
}

const subscription = (stats: TopicStats, name: string) =>
  stats.subscriptions.find((s) => s.name === name);

describe('a fresh cluster', () => {
  it('has tenant public and namespace public/default, created by its first gateway', async () => {
    expect(await admin.listTenants()).toContain('public');
    expect(await admin.listNamespaces('public')).toContain('public/default');
    const ns = await admin.getNamespace('public/default');
    expect(ns.name).toBe('public/default');
    expect(ns.createdAtMs).toBeGreaterThan(0);
    // No policy of its own: the gateway's defaults.
    expect(ns.policies?.persistence ?? null).toBeNull();
    // A bare topic name lands there.
    const bare = uniqueName('bare');
    expect(await admin.createTopic(bare)).toMatchObject({
      name: `persistent://public/default/${bare}`,
      partitions: 0,
    });
    expect((await admin.listTopics('public/default')).map((t) => t.name)).toContain(
      `persistent://public/default/${bare}`,
    );
  });
});

describe('tenants', () => {
  it('create, list, delete; a duplicate, an unknown one and a bad name are refused', async () => {
    const tenant = uniqueName('tenant');
    const created = await admin.createTenant(tenant);
    expect(created.name).toBe(tenant);
    expect(created.createdAtMs).toBeGreaterThan(0);
    expect(await admin.listTenants()).toContain(tenant);
    expect(await admin.listNamespaces(tenant)).toEqual([]);

    await expectFailure(
      admin.createTenant(tenant),
      'ALREADY_EXISTS',
      new RegExp(`tenant ${tenant} already exists`),
      status.ALREADY_EXISTS,
    );
    await expectFailure(
      admin.createTenant('bad name'),
      'INVALID_ARGUMENT',
      /bad name/,
      status.INVALID_ARGUMENT,
    );
    await expectFailure(admin.createTenant(''), 'INVALID_ARGUMENT', /tenant name/);
    await expectFailure(admin.createTenant('a/b'), 'INVALID_ARGUMENT', /a\/b/);

    await admin.deleteTenant(tenant);
    expect(await admin.listTenants()).not.toContain(tenant);
    await expectFailure(
      admin.deleteTenant(tenant),
      'NOT_FOUND',
      new RegExp(`tenant ${tenant} does not exist`),
      status.NOT_FOUND,
    );
    await expectFailure(admin.listNamespaces(tenant), 'NOT_FOUND', new RegExp(tenant));
    // The name is free again.
    await admin.createTenant(tenant);
    await admin.deleteTenant(tenant);
  });

  it('a tenant with namespaces cannot be deleted (NOT_EMPTY, FAILED_PRECONDITION)', async () => {
    const tenant = uniqueName('full-tenant');
    await admin.createTenant(tenant);
    await admin.createNamespace(`${tenant}/ns`);
    await expectFailure(
      admin.deleteTenant(tenant),
      'NOT_EMPTY',
      /namespaces/,
      status.FAILED_PRECONDITION,
    );
    expect(await admin.listTenants()).toContain(tenant);
    await admin.deleteNamespace(`${tenant}/ns`);
    await admin.deleteTenant(tenant);
    expect(await admin.listTenants()).not.toContain(tenant);
  });
});

describe('namespaces', () => {
  it('create with and without a persistence policy, list, get, set policies, delete', async () => {
    const tenant = uniqueName('ns-tenant');
    await admin.createTenant(tenant);
    const plain = `${tenant}/plain`;
    const durable = `${tenant}/durable`;

    const created = await admin.createNamespace(plain);
    expect(created.name).toBe(plain);
    expect(created.policies?.persistence ?? null).toBeNull();
    const withPolicy = await admin.createNamespace(durable, {
      persistence: { ensembleSize: 3, writeQuorum: 2, ackQuorum: 2 },
    });
    expect(withPolicy.policies?.persistence).toEqual({
      ensembleSize: 3,
      writeQuorum: 2,
      ackQuorum: 2,
    });
    expect((await admin.listNamespaces(tenant)).sort()).toEqual([durable, plain]);

    expect((await admin.getNamespace(plain)).policies?.persistence ?? null).toBeNull();
    const got = await admin.getNamespace(durable);
    expect(got.name).toBe(durable);
    expect(got.createdAtMs).toBeGreaterThan(0);
    expect(got.policies?.persistence).toEqual({ ensembleSize: 3, writeQuorum: 2, ackQuorum: 2 });

    const set = await admin.setNamespacePolicies(plain, {
      persistence: { ensembleSize: 2, writeQuorum: 2, ackQuorum: 1 },
    });
    expect(set.policies?.persistence).toEqual({ ensembleSize: 2, writeQuorum: 2, ackQuorum: 1 });
    expect((await admin.getNamespace(plain)).policies?.persistence).toEqual({
      ensembleSize: 2,
      writeQuorum: 2,
      ackQuorum: 1,
    });
    // Setting no persistence policy goes back to the gateway's defaults.
    await admin.setNamespacePolicies(plain, {});
    expect((await admin.getNamespace(plain)).policies?.persistence ?? null).toBeNull();

    await admin.deleteNamespace(plain);
    await admin.deleteNamespace(durable);
    expect(await admin.listNamespaces(tenant)).toEqual([]);
    await expectFailure(admin.getNamespace(plain), 'NOT_FOUND', new RegExp(plain));
    await admin.deleteTenant(tenant);
  });

  it('refuses bad names, unknown tenants and namespaces, duplicates and invalid policies', async () => {
    const tenant = uniqueName('ns-errors');
    await admin.createTenant(tenant);
    const ns = `${tenant}/ns`;
    await admin.createNamespace(ns, {
      persistence: { ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 },
    });

    await expectFailure(
      admin.createNamespace('a/b/c'),
      'INVALID_ARGUMENT',
      /a\/b\/c.*expected tenant\/namespace/,
      status.INVALID_ARGUMENT,
    );
    await expectFailure(
      admin.createNamespace('just-a-tenant'),
      'INVALID_ARGUMENT',
      /tenant\/namespace/,
    );
    await expectFailure(
      admin.createNamespace(`${tenant}/bad name`),
      'INVALID_ARGUMENT',
      /bad name/,
    );
    await expectFailure(admin.getNamespace('a/b/c'), 'INVALID_ARGUMENT', /a\/b\/c/);
    await expectFailure(
      admin.createNamespace(`${uniqueName('no-tenant')}/ns`),
      'NOT_FOUND',
      /tenant .* does not exist/,
      status.NOT_FOUND,
    );
    await expectFailure(
      admin.createNamespace(ns),
      'ALREADY_EXISTS',
      new RegExp(`namespace ${ns} already exists`),
      status.ALREADY_EXISTS,
    );
    const unknown = `${tenant}/unknown`;
    await expectFailure(admin.getNamespace(unknown), 'NOT_FOUND', new RegExp(unknown));
    await expectFailure(
      admin.setNamespacePolicies(unknown, {
        persistence: { ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 },
      }),
      'NOT_FOUND',
      new RegExp(unknown),
    );
    await expectFailure(admin.deleteNamespace(unknown), 'NOT_FOUND', new RegExp(unknown));
    await expectFailure(admin.listTopics(unknown), 'NOT_FOUND', new RegExp(unknown));

    // Qa > Qw, Qw > E, zeros, too large an ensemble: all refused, naming the policy.
    for (const persistence of [
      { ensembleSize: 3, writeQuorum: 2, ackQuorum: 3 },
      { ensembleSize: 2, writeQuorum: 3, ackQuorum: 1 },
      { ensembleSize: 0, writeQuorum: 0, ackQuorum: 0 },
      { ensembleSize: 100, writeQuorum: 1, ackQuorum: 1 },
    ]) {
      await expectFailure(
        admin.setNamespacePolicies(ns, { persistence }),
        'INVALID_ARGUMENT',
        /invalid persistence policy/,
        status.INVALID_ARGUMENT,
      );
    }
    await expectFailure(
      admin.createNamespace(`${tenant}/bad-policy`, {
        persistence: { ensembleSize: 3, writeQuorum: 2, ackQuorum: 3 },
      }),
      'INVALID_ARGUMENT',
      /invalid persistence policy E=3 Qw=2 Qa=3/,
    );
    // Neither refused call changed anything.
    expect((await admin.getNamespace(ns)).policies?.persistence).toEqual({
      ensembleSize: 1,
      writeQuorum: 1,
      ackQuorum: 1,
    });
    expect(await admin.listNamespaces(tenant)).toEqual([ns]);
    await admin.deleteNamespace(ns);
    await admin.deleteTenant(tenant);
  });

  it('a namespace with topics (plain or partitioned) cannot be deleted (NOT_EMPTY)', async () => {
    const tenant = uniqueName('ns-full');
    await admin.createTenant(tenant);
    const ns = `${tenant}/ns`;
    await admin.createNamespace(ns);
    await admin.createTopic(`${ns}/plain`);
    await expectFailure(
      admin.deleteNamespace(ns),
      'NOT_EMPTY',
      /topics/,
      status.FAILED_PRECONDITION,
    );
    await admin.deleteTopic(`${ns}/plain`);
    await admin.createTopic(`${ns}/parted`, 2);
    await expectFailure(
      admin.deleteNamespace(ns),
      'NOT_EMPTY',
      /partitioned topics/,
      status.FAILED_PRECONDITION,
    );
    await admin.deleteTopic(`${ns}/parted`);
    await admin.deleteNamespace(ns);
    await admin.deleteTenant(tenant);
  });

  it("the namespace's persistence policy is what its topics' ledgers are written with", async () => {
    // The standalone has one storage node: E=1 works, E=2 cannot be placed.
    const tenant = uniqueName('policy-use');
    await admin.createTenant(tenant);
    await admin.createNamespace(`${tenant}/one`, {
      persistence: { ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 },
    });
    await admin.createNamespace(`${tenant}/two`, {
      persistence: { ensembleSize: 2, writeQuorum: 2, ackQuorum: 2 },
    });
    const strata = createClient({ serviceUrl: standalone.serviceUrl, operationTimeoutMs: 4_000 });
    clients.push(strata);
    const ok = await strata.createProducer({ topic: `${tenant}/one/t` });
    await ok.send({ payload: 'fits' });
    await ok.close();
    // The gateway cannot open a ledger for it: the SDK keeps retrying until its timeout.
    const error = await failure(strata.createProducer({ topic: `${tenant}/two/t` }));
    expect(error.retriable).toBe(true);
    // A raw lookup (which loads the topic on this, the only gateway) says why.
    const why = await failure(lookup(`${tenant}/two/t`));
    expect(`${why.code}: ${why.message}`).toMatch(
      /^NOT_ENOUGH_NODES: need 2 writable storage nodes/,
    );
    console.log(`E=2 on one storage node: ${why.code}: ${why.message}`);
  });
});

describe('topics', () => {
  let ns: string;
  beforeAll(async () => {
    const tenant = uniqueName('topics');
    await admin.createTenant(tenant);
    ns = `${tenant}/ns`;
    await admin.createNamespace(ns);
  });

  it('create (plain and partitioned), get, list, delete', async () => {
    const plain = await admin.createTopic(`${ns}/plain`);
    expect(plain).toEqual({ name: `persistent://${ns}/plain`, partitions: 0 });
    // Partitions 0 is a topic without partitions; the persistent:// form names the same thing.
    expect(await admin.createTopic(`persistent://${ns}/zero`, 0)).toEqual({
      name: `persistent://${ns}/zero`,
      partitions: 0,
    });
    const parted = await admin.createTopic(`${ns}/parted`, 4);
    expect(parted).toEqual({ name: `persistent://${ns}/parted`, partitions: 4 });

    expect(await admin.getTopic(`${ns}/plain`)).toEqual(plain);
    expect(await admin.getTopic(`persistent://${ns}/parted`)).toEqual(parted);
    const names = (await admin.listTopics(ns)).map((t) => `${t.name}:${t.partitions}`);
    expect(names).toEqual([
      `persistent://${ns}/parted:4`,
      `persistent://${ns}/plain:0`,
      `persistent://${ns}/zero:0`,
    ]);

    await admin.deleteTopic(`${ns}/zero`);
    await expectFailure(admin.getTopic(`${ns}/zero`), 'NOT_FOUND', /zero does not exist/);
    expect((await admin.listTopics(ns)).map((t) => t.name)).toEqual([
      `persistent://${ns}/parted`,
      `persistent://${ns}/plain`,
    ]);
  });

  it('a used partitioned topic is listed once, with its count, never its partitions', async () => {
    const topic = `${ns}/used-parted`;
    await admin.createTopic(topic, 3);
    const strata = client();
    const producer = await strata.createProducer({ topic, batching: { maxMessages: 1 } });
    await Promise.all(Array.from({ length: 30 }, (_, i) => producer.send({ payload: `m${i}` })));
    const consumer = await strata.subscribe({
      topic,
      subscription: 'all',
      initialPosition: 'earliest',
    });
    const got = await take(consumer[Symbol.asyncIterator](), 30);
    expect(new Set(got.map((m) => m.id.partition))).toEqual(new Set([0, 1, 2]));
    // The partitions exist as topics now, and can be named on their own...
    expect(await admin.getTopic(`${topic}-partition-1`)).toEqual({
      name: `persistent://${topic}-partition-1`,
      partitions: 0,
    });
    // ...but the listing shows the partitioned topic only.
    const listed = (await admin.listTopics(ns)).filter((t) => t.name.includes('used-parted'));
    expect(listed).toEqual([{ name: `persistent://${topic}`, partitions: 3 }]);
    await consumer.close();
    await producer.close();
  });

  it('refuses bad names, unknown namespaces and topics, duplicates and bad partition counts', async () => {
    await expectFailure(
      admin.createTopic('a/b'),
      'INVALID_ARGUMENT',
      /a\/b.*expected persistent:\/\/tenant\/namespace\/topic/,
      status.INVALID_ARGUMENT,
    );
    await expectFailure(admin.createTopic(`${ns}/bad name`), 'INVALID_ARGUMENT', /bad name/);
    await expectFailure(
      admin.createTopic('non-persistent://public/default/x'),
      'INVALID_ARGUMENT',
      /persistent/,
    );
    await expectFailure(admin.getTopic('a/b'), 'INVALID_ARGUMENT', /a\/b/);
    await expectFailure(admin.createTopic(''), 'INVALID_ARGUMENT', /topic name/);

    const tenant = ns.split('/')[0] as string;
    await expectFailure(
      admin.createTopic(`${tenant}/missing/t`),
      'NOT_FOUND',
      new RegExp(`namespace ${tenant}/missing does not exist`),
      status.NOT_FOUND,
    );
    await expectFailure(
      admin.createTopic(`${uniqueName('nobody')}/ns/t`),
      'NOT_FOUND',
      /does not exist/,
    );
    await expectFailure(
      admin.getTopic(`${ns}/unknown`),
      'NOT_FOUND',
      new RegExp(`persistent://${ns}/unknown does not exist`),
    );
    await expectFailure(admin.deleteTopic(`${ns}/unknown`), 'NOT_FOUND', /unknown does not exist/);
    await expectFailure(admin.topicStats(`${ns}/unknown`), 'NOT_FOUND', /unknown does not exist/);

    await admin.createTopic(`${ns}/dup`);
    await expectFailure(
      admin.createTopic(`${ns}/dup`),
      'ALREADY_EXISTS',
      /dup already exists/,
      status.ALREADY_EXISTS,
    );
    // A name is partitioned or not, never both.
    await expectFailure(admin.createTopic(`${ns}/dup`, 2), 'ALREADY_EXISTS', /dup already exists/);
    await admin.createTopic(`${ns}/dup-parted`, 2);
    await expectFailure(
      admin.createTopic(`${ns}/dup-parted`, 2),
      'ALREADY_EXISTS',
      /already exists/,
    );
    await expectFailure(admin.createTopic(`${ns}/dup-parted`), 'ALREADY_EXISTS', /already exists/);

    await expectFailure(
      admin.createTopic(`${ns}/too-many`, 1_025),
      'INVALID_ARGUMENT',
      /partitions must be between 0 and 1024; got 1025/,
    );
    await expectFailure(
      admin.createTopic(`${ns}/p-partition-1`, 2),
      'INVALID_ARGUMENT',
      /names a partition/,
    );
    // A partition beyond the partitioned topic's count.
    await expectFailure(
      admin.createTopic(`${ns}/dup-parted-partition-9`),
      'NOT_FOUND',
      /dup-parted has 2 partitions/,
    );
    await expectFailure(lookup(`${ns}/dup-parted-partition-9`), 'NOT_FOUND', /has 2 partitions/);
    // Within the count, the partition can be created (it is also created on first use).
    await admin.createTopic(`${ns}/dup-parted-partition-1`);
    expect((await admin.listTopics(ns)).map((t) => t.name)).not.toContain(
      `persistent://${ns}/dup-parted-partition-1`,
    );
    expect((await admin.listTopics(ns)).map((t) => t.name)).not.toContain(
      `persistent://${ns}/too-many`,
    );
  });

  it('producing where the namespace does not exist fails with NOT_FOUND', async () => {
    const strata = client();
    const error = await expectFailure(
      strata.createProducer({ topic: `${ns.split('/')[0]}/no-such-ns/t` }),
      'NOT_FOUND',
      /namespace .*\/no-such-ns does not exist/,
    );
    expect(error.retriable).toBe(false);
    await expectFailure(
      strata.createProducer({ topic: `${uniqueName('no-tenant')}/ns/t` }),
      'NOT_FOUND',
      /does not exist/,
    );
    // Nothing was created on the way.
    await expectFailure(admin.getTopic(`${ns.split('/')[0]}/no-such-ns/t`), 'NOT_FOUND', /./);
  });

  it("a partitioned topic's own name is refused to a raw Lookup; the SDK routes to partitions", async () => {
    const topic = `${ns}/routed`;
    await admin.createTopic(topic, 2);
    await expectFailure(
      lookup(topic),
      'INVALID_ARGUMENT',
      /is partitioned \(2 partitions\).*-partition-<i>/,
      status.INVALID_ARGUMENT,
    );
    expect(await lookup(`${topic}-partition-0`)).toBe(standalone.serviceUrl);
    const producer = await client().createProducer({ topic });
    const id = await producer.send({ payload: 'routed', key: 'k' });
    expect([0, 1]).toContain(id.partition);
    await producer.close();
  });
});

describe('topic stats', () => {
  let ns: string;
  beforeAll(async () => {
    const tenant = uniqueName('stats');
    await admin.createTenant(tenant);
    ns = `${tenant}/ns`;
    await admin.createNamespace(ns);
  });

  it('show producers, subscriptions, consumers, backlog, entries, size and ledgers', async () => {
    const topic = `${ns}/stats`;
    const n = 20;
    const strata = client();
    const consumer = await strata.subscribe({
      topic,
      subscription: 'half',
      type: 'shared',
      consumerName: 'stats-consumer',
      initialPosition: 'earliest',
    });
    const producer = await strata.createProducer({
      topic,
      name: 'stats-producer',
      batching: { maxMessages: 1 },
    });
    for (let i = 0; i < n; i++) await producer.send({ payload: `message ${i}` });
    const received: ReceivedMessage[] = await take(consumer[Symbol.asyncIterator](), n);
    received.filter((_, i) => i % 2 === 0).forEach((m) => m.ack());

    const stats = await waitFor(
      async () => {
        const s = await admin.topicStats(topic);
        return subscription(s, 'half')?.backlogEntries === n / 2 ? s : undefined;
      },
      `a backlog of ${n / 2} entries`,
    );
    expect(stats.topic).toBe(`persistent://${topic}`);
    expect(stats.owner).toBe(standalone.serviceUrl);
    expect(stats.producers).toHaveLength(1);
    expect(stats.producers[0]).toMatchObject({ producerName: 'stats-producer' });
    expect(stats.producers[0]?.address).not.toBe('');
    expect(stats.producers[0]?.connectedSinceMs).toBeGreaterThan(0);
    const sub = subscription(stats, 'half');
    expect(sub?.type).toBe('SHARED');
    expect(sub?.consumers).toHaveLength(1);
    expect(sub?.consumers[0]?.consumerName).toBe('stats-consumer');
    expect(sub?.consumers[0]?.permits).toBeGreaterThan(0);
    expect(sub?.consumers[0]?.unackedEntries).toBe(n / 2);
    expect(stats.backlogEntries).toBe(n / 2);
    expect(stats.entries).toBe(n);
    expect(stats.storageSizeBytes).toBeGreaterThan(0);
    expect(stats.ledgers.length).toBeGreaterThanOrEqual(1);
    expect(stats.ledgers.reduce((sum, l) => sum + l.entries, 0)).toBe(n);
    expect(stats.ledgers.reduce((sum, l) => sum + l.sizeBytes, 0)).toBe(stats.storageSizeBytes);
    expect(stats.ledgers.filter((l) => l.open)).toHaveLength(1);
    expect(stats.partitions).toBe(0);
    expect(stats.partitionStats).toEqual([]);

    received.filter((_, i) => i % 2 === 1).forEach((m) => m.ack());
    const drained = await waitFor(async () => {
      const s = await admin.topicStats(topic);
      return s.backlogEntries === 0 && subscription(s, 'half')?.backlogEntries === 0
        ? s
        : undefined;
    }, 'the backlog to drain');
    expect(subscription(drained, 'half')?.consumers[0]?.unackedEntries).toBe(0);
    expect(drained.entries).toBe(n);

    // After the clients leave, the subscription stays (no consumers) and so do the entries.
    await consumer.close();
    await producer.close();
    const idle = await waitFor(async () => {
      const s = await admin.topicStats(topic);
      return s.producers.length === 0 && subscription(s, 'half')?.consumers.length === 0
        ? s
        : undefined;
    }, 'the clients to leave');
    expect(idle.entries).toBe(n);
    expect(subscription(idle, 'half')?.backlogEntries).toBe(0);
  });

  it('for a partitioned topic: each partition and the sums', async () => {
    const topic = `${ns}/parted-stats`;
    const partitions = 3;
    await admin.createTopic(topic, partitions);
    const unused = await admin.topicStats(topic);
    expect(unused.partitions).toBe(partitions);
    expect(unused.partitionStats.map((p) => p.topic)).toEqual(
      Array.from({ length: partitions }, (_, i) => `persistent://${topic}-partition-${i}`),
    );
    expect(unused.entries).toBe(0);

    const strata = client();
    const consumer = await strata.subscribe({
      topic,
      subscription: 'sum',
      type: 'shared',
      initialPosition: 'earliest',
    });
    const producer = await strata.createProducer({ topic, batching: { maxMessages: 1 } });
    const n = 30;
    for (let i = 0; i < n; i++) await producer.send({ payload: `p${i}` });
    const received = await take(consumer[Symbol.asyncIterator](), n);
    const acked = received.slice(0, 10);
    acked.forEach((m) => m.ack());

    const stats = await waitFor(
      async () => {
        const s = await admin.topicStats(topic);
        return subscription(s, 'sum')?.backlogEntries === n - acked.length ? s : undefined;
      },
      `a summed backlog of ${n - acked.length}`,
    );
    expect(stats.topic).toBe(`persistent://${topic}`);
    expect(stats.partitions).toBe(partitions);
    expect(stats.partitionStats).toHaveLength(partitions);
    expect(stats.entries).toBe(n);
    expect(stats.partitionStats.reduce((sum, p) => sum + p.entries, 0)).toBe(n);
    expect(stats.storageSizeBytes).toBe(
      stats.partitionStats.reduce((sum, p) => sum + p.storageSizeBytes, 0),
    );
    expect(stats.storageSizeBytes).toBeGreaterThan(0);
    // Round-robin per batch: every partition got some.
    for (const p of stats.partitionStats) {
      expect(p.entries).toBeGreaterThan(0);
      expect(p.owner).toBe(standalone.serviceUrl);
      expect(p.producers).toHaveLength(1);
      expect(subscription(p, 'sum')?.consumers).toHaveLength(1);
    }
    expect(stats.producers).toHaveLength(partitions);
    const sum = subscription(stats, 'sum');
    expect(sum?.type).toBe('SHARED');
    expect(sum?.consumers).toHaveLength(partitions);
    expect(sum?.backlogEntries).toBe(
      stats.partitionStats.reduce(
        (total, p) => total + (subscription(p, 'sum')?.backlogEntries ?? 0),
        0,
      ),
    );

    received.slice(10).forEach((m) => m.ack());
    await waitFor(
      async () => (await admin.topicStats(topic)).backlogEntries === 0,
      'the partitioned backlog to drain',
    );
    await consumer.close();
    await producer.close();
  });
});

describe('deleting topics', () => {
  let ns: string;
  beforeAll(async () => {
    const tenant = uniqueName('delete');
    await admin.createTenant(tenant);
    ns = `${tenant}/ns`;
    await admin.createNamespace(ns);
  });

  it('is refused (TOPIC_BUSY) while a producer is connected, and forced it disconnects it', async () => {
    const topic = `${ns}/busy-producer`;
    const producer = new RawProducer(raw, topic, 'busy-p');
    await producer.send(['one', 'two']);
    await expectFailure(
      admin.deleteTopic(topic),
      'TOPIC_BUSY',
      /1 producers and 0 consumers/,
      status.FAILED_PRECONDITION,
    );
    // Still there, still served.
    await producer.send(['three']);
    const before = await admin.topicStats(topic);
    expect(before.entries).toBe(2);
    const ledgerIds = before.ledgers.map((l) => l.ledgerId);
    expect(ledgerIds.length).toBeGreaterThan(0);

    await admin.deleteTopic(topic, { force: true });
    await waitFor(() => producer.error ?? producer.ended, 'the producer to be disconnected');
    await expectFailure(admin.topicStats(topic), 'NOT_FOUND', /busy-producer does not exist/);
    await expectFailure(admin.getTopic(topic), 'NOT_FOUND', /does not exist/);
    expect((await admin.listTopics(ns)).map((t) => t.name)).not.toContain(`persistent://${topic}`);
    // Its ledgers are gone from the metadata too.
    for (const ledgerId of ledgerIds) {
      expect(await metadata.get(clusterKeys.ledger(ledgerId))).toBeUndefined();
    }
    producer.close();
  });

  it('is refused while a consumer is connected; forced, its subscriptions go with it', async () => {
    const topic = `${ns}/busy-consumer`;
    const seed = new RawProducer(raw, topic, 'seed');
    await seed.send(['a', 'b', 'c']);
    seed.close();
    const consumer = new RawConsumer(raw, { topic, subscription: 'keep', type: 'EXCLUSIVE' });
    consumer.flow(100);
    await consumer.waitFor(3);
    await waitFor(
      async () => (await admin.topicStats(topic)).producers.length === 0,
      'the seeding producer to leave',
    );
    await expectFailure(
      admin.deleteTopic(topic),
      'TOPIC_BUSY',
      /0 producers and 1 consumers/,
      status.FAILED_PRECONDITION,
    );
    expect(subscription(await admin.topicStats(topic), 'keep')?.consumers).toHaveLength(1);

    await admin.deleteTopic(topic, { force: true });
    await waitFor(() => consumer.error ?? consumer.ended, 'the consumer to be disconnected');
    await expectFailure(admin.topicStats(topic), 'NOT_FOUND', /does not exist/);
    expect(await metadata.get(clusterKeys.cursor(`${ns}/busy-consumer`, 'keep'))).toBeUndefined();
    consumer.close();

    // The same name again is a new, empty topic: no entries, no old subscription.
    await admin.createTopic(topic);
    const fresh = await admin.topicStats(topic);
    expect(fresh.entries).toBe(0);
    expect(fresh.subscriptions).toEqual([]);
    await admin.deleteTopic(topic);
  });

  it('an idle topic is deleted without force', async () => {
    const topic = `${ns}/idle`;
    const producer = new RawProducer(raw, topic, 'idle-p');
    await producer.send(['x']);
    producer.close();
    await waitFor(
      async () => (await admin.topicStats(topic)).producers.length === 0,
      'the producer to leave',
    );
    await admin.deleteTopic(topic);
    await expectFailure(admin.getTopic(topic), 'NOT_FOUND', /does not exist/);
  });

  it('a partitioned topic goes with all its partitions', async () => {
    const topic = `${ns}/parted`;
    await admin.createTopic(topic, 3);
    const strata = createClient({ serviceUrl: standalone.serviceUrl });
    const producer = await strata.createProducer({ topic, batching: { maxMessages: 1 } });
    for (let i = 0; i < 9; i++) await producer.send({ payload: `d${i}` });
    await strata.close();
    await waitFor(
      async () => (await admin.topicStats(topic)).producers.length === 0,
      'the producers to leave',
    );
    const partitionLedgers = (await admin.topicStats(topic)).partitionStats.flatMap((p) =>
      p.ledgers.map((l) => l.ledgerId),
    );
    expect(partitionLedgers.length).toBeGreaterThanOrEqual(3);

    await admin.deleteTopic(topic);
    await expectFailure(admin.getTopic(topic), 'NOT_FOUND', /does not exist/);
    await expectFailure(admin.topicStats(topic), 'NOT_FOUND', /does not exist/);
    for (let i = 0; i < 3; i++) {
      await expectFailure(admin.getTopic(`${topic}-partition-${i}`), 'NOT_FOUND', /does not exist/);
      await expectFailure(
        admin.topicStats(`${topic}-partition-${i}`),
        'NOT_FOUND',
        /does not exist/,
      );
    }
    expect((await admin.listTopics(ns)).filter((t) => t.name.includes('/parted'))).toEqual([]);
    for (const ledgerId of partitionLedgers) {
      expect(await metadata.get(clusterKeys.ledger(ledgerId))).toBeUndefined();
    }
  });

  it('a refused delete of a partitioned topic deletes none of its partitions', async () => {
    // Partition 0 holds data and has no client; partition 1 has a producer connected.
    const topic = `${ns}/parted-partial`;
    await admin.createTopic(topic, 2);
    const idle = new RawProducer(raw, `${topic}-partition-0`, 'idle');
    await idle.send(['kept 1']);
    await idle.send(['kept 2']);
    idle.close();
    await waitFor(
      async () => (await admin.topicStats(`${topic}-partition-0`)).producers.length === 0,
      'the idle producer to leave',
    );
    const busy = new RawProducer(raw, `${topic}-partition-1`, 'busy');
    try {
      await busy.send(['x']);
      await expectFailure(admin.deleteTopic(topic), 'TOPIC_BUSY', /partition-1/);
      // Refused means nothing was deleted: partition 0 still has its two entries.
      expect((await admin.topicStats(`${topic}-partition-0`)).entries).toBe(2);
      expect(((await admin.topicStats(topic)).partitionStats[0] as TopicStats).entries).toBe(2);
    } finally {
      busy.close();
    }
  });

  it('a partitioned topic with a connected client is refused, then forced', async () => {
    const topic = `${ns}/parted-busy`;
    await admin.createTopic(topic, 2);
    const producer = new RawProducer(raw, `${topic}-partition-1`, 'pb');
    await producer.send(['x']);
    await expectFailure(admin.deleteTopic(topic), 'TOPIC_BUSY', /parted-busy-partition-1/);
    // Refused: the partitioned topic is still whole.
    expect(await admin.getTopic(topic)).toEqual({ name: `persistent://${topic}`, partitions: 2 });
    await admin.deleteTopic(topic, { force: true });
    await waitFor(() => producer.error ?? producer.ended, 'the producer to be disconnected');
    await expectFailure(admin.getTopic(topic), 'NOT_FOUND', /does not exist/);
    await expectFailure(admin.getTopic(`${topic}-partition-1`), 'NOT_FOUND', /does not exist/);
    producer.close();
  });

  it('a forced delete of a partitioned topic is final even for an SDK producer that reconnects', async () => {
    const tenant = uniqueName('final');
    await admin.createTenant(tenant);
    await admin.createNamespace(`${tenant}/ns`);
    const topic = `${tenant}/ns/pf`;
    await admin.createTopic(topic, 4);
    const producer = await client().createProducer({ topic });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => producer.send({ payload: `m${i}`, key: `k${i}` })),
    );
    await admin.deleteTopic(topic, { force: true });
    // The producer looks its partitions up again and is refused: they do not come back.
    await expect(producer.send({ payload: 'after', key: 'k0' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await admin.listTopics(`${tenant}/ns`)).toEqual([]);
    await admin.deleteNamespace(`${tenant}/ns`);
    await admin.deleteTenant(tenant);
  });
});
