import { describe, expect, it, beforeAll } from 'vitest';
import { useAdminEnv, uniqueName } from './admin-env.js';
import { adminRequest, expectError, ok } from './admin-http-client.js';
import type { TopicStats } from '../../sdk/index.js';
import { RawConsumer, RawProducer } from '../harness/messaging-client.js';
import { take, waitFor } from '../harness/wait.js';

// The admin API as HTTP+JSON on the gateway's HTTP port (Pulsar's /admin/v2 paths), with fetch,
// against a real standalone: topics, their stats and their deletion.

const env = useAdminEnv('admin-http-topics');
const http = (method: string, path: string, body?: unknown) =>
  adminRequest(env().standalone.httpUrl, method, path, body);

describe('topics', () => {
  let ns: string;
  beforeAll(async () => {
    const tenant = uniqueName('http-topics');
    await ok(http('PUT', `tenants/${tenant}`));
    ns = `${tenant}/ns`;
    await ok(http('PUT', `namespaces/${ns}`));
  });

  it('PUT creates plain and partitioned topics; GET lists them and reads partitions', async () => {
    expect((await ok(http('GET', `persistent/${ns}`))).body).toEqual([]);
    const plain = await ok(http('PUT', `persistent/${ns}/plain`));
    expect(plain.body).toEqual({ name: `persistent://${ns}/plain`, partitions: 0 });
    const parted = await ok(http('PUT', `persistent/${ns}/parted/partitions`, 4));
    expect(parted.body).toEqual({ name: `persistent://${ns}/parted`, partitions: 4 });
    // The count may also come as {"partitions": n}.
    const object = await ok(http('PUT', `persistent/${ns}/object/partitions`, { partitions: 2 }));
    expect(object.body).toEqual({ name: `persistent://${ns}/object`, partitions: 2 });

    expect((await ok(http('GET', `persistent/${ns}/parted/partitions`))).body).toEqual({
      name: `persistent://${ns}/parted`,
      partitions: 4,
    });
    expect((await ok(http('GET', `persistent/${ns}/plain/partitions`))).body).toEqual({
      name: `persistent://${ns}/plain`,
      partitions: 0,
    });
    expect((await ok(http('GET', `persistent/${ns}`))).body).toEqual([
      { name: `persistent://${ns}/object`, partitions: 2 },
      { name: `persistent://${ns}/parted`, partitions: 4 },
      { name: `persistent://${ns}/plain`, partitions: 0 },
    ]);

    // Used, the partitions exist as topics, yet the listing still shows the partitioned topic once.
    const strata = env().client();
    const producer = await strata.createProducer({
      topic: `${ns}/parted`,
      batching: { maxMessages: 1 },
    });
    for (let i = 0; i < 8; i++) await producer.send({ payload: `m${i}` });
    await producer.close();
    expect(
      ((await ok(http('GET', `persistent/${ns}`))).body as Array<{ name: string }>).map(
        (t) => t.name,
      ),
    ).toEqual([
      `persistent://${ns}/object`,
      `persistent://${ns}/parted`,
      `persistent://${ns}/plain`,
    ]);
  });

  it('400 bad names and counts, 404 unknown, 409 duplicate, 405 wrong method', async () => {
    await expectError(
      http('PUT', `persistent/${ns}/bad%20name`),
      400,
      'INVALID_ARGUMENT',
      /bad name/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/zero/partitions`, 0),
      400,
      'INVALID_ARGUMENT',
      /positive integer/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/many/partitions`, 5_000),
      400,
      'INVALID_ARGUMENT',
      /partitions must be between 0 and 1024; got 5000/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/frac/partitions`, 1.5),
      400,
      'INVALID_ARGUMENT',
      /positive integer/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/text/partitions`, '"3"'),
      400,
      'INVALID_ARGUMENT',
      /positive integer/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/nobody/partitions`),
      400,
      'INVALID_ARGUMENT',
      /positive integer/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/broken/partitions`, '{"partitions": 3'),
      400,
      'INVALID_ARGUMENT',
      /not valid JSON/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/x-partition-1/partitions`, 2),
      400,
      'INVALID_ARGUMENT',
      /names a partition/,
    );

    const tenant = ns.split('/')[0] as string;
    await expectError(
      http('PUT', `persistent/${tenant}/missing/t`),
      404,
      'NOT_FOUND',
      /namespace .*\/missing does not exist/,
    );
    await expectError(http('GET', `persistent/${tenant}/missing`), 404, 'NOT_FOUND', /missing/);
    await expectError(
      http('GET', `persistent/${ns}/unknown/partitions`),
      404,
      'NOT_FOUND',
      /unknown does not exist/,
    );
    await expectError(
      http('GET', `persistent/${ns}/unknown/stats`),
      404,
      'NOT_FOUND',
      /unknown does not exist/,
    );
    await expectError(
      http('DELETE', `persistent/${ns}/unknown`),
      404,
      'NOT_FOUND',
      /unknown does not exist/,
    );

    await ok(http('PUT', `persistent/${ns}/dup`));
    await expectError(http('PUT', `persistent/${ns}/dup`), 409, 'ALREADY_EXISTS', /already/);
    // The /partitions path deletes partitioned topics only.
    await expectError(
      http('DELETE', `persistent/${ns}/dup/partitions`),
      404,
      'NOT_FOUND',
      /is not a partitioned topic/,
    );
    await expectError(
      http('PUT', `persistent/${ns}/dup/partitions`, 2),
      409,
      'ALREADY_EXISTS',
      /already/,
    );
    await ok(http('PUT', `persistent/${ns}/dup-parted/partitions`, 2));
    await expectError(
      http('PUT', `persistent/${ns}/dup-parted-partition-7`),
      404,
      'NOT_FOUND',
      /has 2 partitions/,
    );

    await expectError(http('POST', 'tenants'), 405, 'METHOD_NOT_ALLOWED', /POST/);
    await expectError(http('PATCH', `namespaces/${ns}`), 405, 'METHOD_NOT_ALLOWED', /PATCH/);
    await expectError(http('POST', `persistent/${ns}/dup`), 405, 'METHOD_NOT_ALLOWED', /POST/);
    await expectError(http('PUT', `persistent/${ns}/dup/stats`), 405, 'METHOD_NOT_ALLOWED', /PUT/);
    await expectError(http('GET', 'no-such-thing'), 404, 'NOT_FOUND', /no such path/);
  });

  it('GET stats: producer, subscription, consumer, backlog, size, ledgers; then drained', async () => {
    const topic = `${ns}/stats`;
    const n = 10;
    const strata = env().client();
    const consumer = await strata.subscribe({
      topic,
      subscription: 'half',
      type: 'exclusive',
      consumerName: 'http-consumer',
      initialPosition: 'earliest',
    });
    const producer = await strata.createProducer({
      topic,
      name: 'http-producer',
      batching: { maxMessages: 1 },
    });
    for (let i = 0; i < n; i++) await producer.send({ payload: `s${i}` });
    const received = await take(consumer[Symbol.asyncIterator](), n);
    received.slice(0, n / 2).forEach((m) => m.ack());

    const stats = await waitFor(
      async () => {
        const s = (await ok(http('GET', `persistent/${topic}/stats`))).body as TopicStats;
        return s.subscriptions.find((x) => x.name === 'half')?.backlogEntries === n / 2
          ? s
          : undefined;
      },
      `a backlog of ${n / 2} over HTTP`,
    );
    expect(stats).toMatchObject({
      topic: `persistent://${topic}`,
      owner: env().standalone.serviceUrl,
      entries: n,
      backlogEntries: n / 2,
      producers: [{ producerName: 'http-producer' }],
      subscriptions: [
        {
          name: 'half',
          type: 'EXCLUSIVE',
          consumers: [{ consumerName: 'http-consumer', active: true }],
        },
      ],
    });
    expect(stats.storageSizeBytes).toBeGreaterThan(0);
    expect(stats.ledgers.length).toBeGreaterThanOrEqual(1);
    expect(stats.subscriptions[0]?.consumers[0]?.permits).toBeGreaterThan(0);

    received.slice(n / 2).forEach((m) => m.ack());
    await waitFor(
      async () =>
        ((await ok(http('GET', `persistent/${topic}/stats`))).body as TopicStats).backlogEntries ===
        0,
      'the backlog to drain over HTTP',
    );
    await consumer.close();
    await producer.close();
  });

  it('GET stats of a partitioned topic: partitions, partitionStats and sums', async () => {
    const topic = `${ns}/parted-stats`;
    await ok(http('PUT', `persistent/${topic}/partitions`, 3));
    const strata = env().client();
    const producer = await strata.createProducer({ topic, batching: { maxMessages: 1 } });
    for (let i = 0; i < 12; i++) await producer.send({ payload: `p${i}` });
    const stats = (await ok(http('GET', `persistent/${topic}/stats`))).body as TopicStats;
    expect(stats.partitions).toBe(3);
    expect(stats.partitionStats).toHaveLength(3);
    expect(stats.entries).toBe(12);
    expect(stats.partitionStats.reduce((sum, p) => sum + p.entries, 0)).toBe(12);
    expect(stats.producers).toHaveLength(3);
    await producer.close();
  });

  it('DELETE: 412 TOPIC_BUSY while clients are connected, 204 with force=true, then 404', async () => {
    const topic = `${ns}/busy`;
    const producer = new RawProducer(env().raw, topic, 'busy-producer');
    await producer.send(['a']);
    await expectError(
      http('DELETE', `persistent/${topic}`),
      412,
      'TOPIC_BUSY',
      /1 producers and 0 consumers/,
    );
    await expectError(
      http('DELETE', `persistent/${topic}?force=false`),
      412,
      'TOPIC_BUSY',
      /producers/,
    );
    const consumer = new RawConsumer(env().raw, { topic, subscription: 's', type: 'SHARED' });
    consumer.flow(10);
    await consumer.waitFor(1);
    await expectError(
      http('DELETE', `persistent/${topic}`),
      412,
      'TOPIC_BUSY',
      /1 producers and 1 consumers/,
    );

    const deleted = await ok(http('DELETE', `persistent/${topic}?force=true`), 204);
    expect(deleted.text).toBe('');
    await waitFor(
      () => (producer.error ?? producer.ended) && (consumer.error ?? consumer.ended),
      'both clients to be disconnected',
    );
    await expectError(http('GET', `persistent/${topic}/stats`), 404, 'NOT_FOUND', /does not exist/);
    await expectError(
      http('GET', `persistent/${topic}/partitions`),
      404,
      'NOT_FOUND',
      /does not exist/,
    );
    const names = ((await ok(http('GET', `persistent/${ns}`))).body as Array<{ name: string }>).map(
      (t) => t.name,
    );
    expect(names).not.toContain(`persistent://${topic}`);
    producer.close();
    consumer.close();
  });

  it('DELETE of a partitioned topic deletes its partitions', async () => {
    const topic = `${ns}/parted-delete`;
    await ok(http('PUT', `persistent/${topic}/partitions`, 2));
    const producer = new RawProducer(env().raw, `${topic}-partition-0`, 'pd');
    await producer.send(['x']);
    await expectError(http('DELETE', `persistent/${topic}`), 412, 'TOPIC_BUSY', /partition-0/);
    await ok(http('DELETE', `persistent/${topic}/partitions?force=true`), 204);
    await waitFor(() => producer.error ?? producer.ended, 'the producer to be disconnected');
    await expectError(
      http('GET', `persistent/${topic}/partitions`),
      404,
      'NOT_FOUND',
      /does not exist/,
    );
    await expectError(
      http('GET', `persistent/${topic}-partition-0/stats`),
      404,
      'NOT_FOUND',
      /does not exist/,
    );
    const names = ((await ok(http('GET', `persistent/${ns}`))).body as Array<{ name: string }>).map(
      (t) => t.name,
    );
    expect(names.filter((name) => name.includes('parted-delete'))).toEqual([]);
    producer.close();
  });
});
