import { status } from '@grpc/grpc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedMessage } from '../../sdk/index.js';
import { expectFailure } from '../harness/expect-failure.js';
import { take, waitFor } from '../harness/wait.js';
import { subscription, uniqueName, useAdminEnv, type AdminEnv } from './admin-env.js';

// Topics and their stats through the admin API over gRPC (the SDK's admin client), against a real
// standalone: metadata, a storage node and a gateway in one process.

const env = useAdminEnv('admin-grpc-topics');
let standalone: AdminEnv['standalone'];
let admin: AdminEnv['admin'];

beforeAll(() => {
  ({ standalone, admin } = env());
});

const client = () => env().client();
const lookup = (topic: string) => env().lookup(topic);

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
