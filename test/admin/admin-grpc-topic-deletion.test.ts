import { status } from '@grpc/grpc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopicStats } from '../../sdk/index.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { expectFailure } from '../harness/expect-failure.js';
import { RawConsumer, RawProducer } from '../harness/messaging-client.js';
import { waitFor } from '../harness/wait.js';
import { subscription, uniqueName, useAdminEnv, type AdminEnv } from './admin-env.js';

// Deleting topics through the admin API over gRPC (the SDK's admin client), against a real
// standalone: metadata, a storage node and a gateway in one process.

const env = useAdminEnv('admin-grpc-topic-deletion');
let admin: AdminEnv['admin'];
let raw: AdminEnv['raw'];
let metadata: AdminEnv['metadata'];

beforeAll(() => {
  ({ admin, raw, metadata } = env());
});

const client = () => env().client();

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
    const strata = env().client();
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
