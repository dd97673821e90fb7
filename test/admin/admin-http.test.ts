import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startStandaloneProcess, type StandaloneProcess } from '../../deploy/local/strata-roles.js';
import type { MessagingClient } from '../../proto/generated/strata/v1/Messaging.js';
import { createClient, type StrataClient, type TopicStats } from '../../sdk/index.js';
import { messagingClient, RawConsumer, RawProducer } from '../harness/messaging-client.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { take, waitFor } from '../harness/wait.js';

// The admin API as HTTP+JSON on the gateway's HTTP port (Pulsar's /admin/v2 paths), with fetch,
// against a real standalone.

const group = new ProcessGroup();
const cleanups: Array<() => Promise<void> | void> = [];
let standalone: StandaloneProcess;
let raw: MessagingClient;
const clients: StrataClient[] = [];

beforeAll(async () => {
  const dir = await makeTempDir('admin-http');
  cleanups.push(dir.remove);
  standalone = await startStandaloneProcess(group, { dataDir: dir.path });
  raw = messagingClient(standalone.serviceUrl);
});

afterAll(async () => {
  try {
    await Promise.race([
      Promise.all(clients.map((c) => c.close())),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]);
    raw?.close();
  } finally {
    await group.stopAll();
    for (const cleanup of cleanups) await cleanup();
  }
});

let unique = 0;
const uniqueName = (label: string) => `${label}-${Date.now().toString(36)}-${++unique}`;

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One admin request: `body` is sent as JSON, or as is when it is a string. */
async function http(method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${standalone.httpUrl}/admin/v2/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    body: parsed,
  };
}

/** Expects an error answer: the status and the JSON body {error, message}. */
async function expectError(
  answer: Promise<Answer>,
  statusCode: number,
  error: string,
  message: RegExp,
): Promise<void> {
  const got = await answer;
  expect({ status: got.status, body: got.body }).toMatchObject({
    status: statusCode,
    body: { error, message: expect.stringMatching(message) },
  });
  expect(got.contentType).toMatch(/application\/json/);
  expect(Object.keys(got.body as object).sort()).toEqual(['error', 'message']);
}

async function ok(answer: Promise<Answer>, statusCode = 200): Promise<Answer> {
  const got = await answer;
  expect({ status: got.status, text: got.text }).toMatchObject({ status: statusCode });
  return got;
}

describe('tenants', () => {
  it('GET lists, PUT creates, GET reads, DELETE deletes', async () => {
    const tenants = await ok(http('GET', 'tenants'));
    expect(tenants.contentType).toMatch(/application\/json/);
    expect(tenants.body).toContain('public');

    const tenant = uniqueName('http-tenant');
    const created = await ok(http('PUT', `tenants/${tenant}`));
    expect(created.body).toMatchObject({ name: tenant });
    expect(created.body.createdAtMs).toBeGreaterThan(0);
    expect((await ok(http('GET', 'tenants'))).body).toContain(tenant);
    expect((await ok(http('GET', `tenants/${tenant}`))).body).toEqual(created.body);

    const deleted = await ok(http('DELETE', `tenants/${tenant}`), 204);
    expect(deleted.text).toBe('');
    expect((await ok(http('GET', 'tenants'))).body).not.toContain(tenant);
  });

  it('400 for a bad name, 404 for an unknown one, 409 for a duplicate, 412 when not empty', async () => {
    await expectError(http('PUT', 'tenants/bad%20name'), 400, 'INVALID_ARGUMENT', /bad name/);
    await expectError(http('PUT', 'tenants/%E0%A4%A'), 400, 'INVALID_ARGUMENT', /escape/);
    const unknown = uniqueName('nobody');
    await expectError(http('GET', `tenants/${unknown}`), 404, 'NOT_FOUND', /does not exist/);
    await expectError(http('DELETE', `tenants/${unknown}`), 404, 'NOT_FOUND', /does not exist/);
    await expectError(http('GET', `namespaces/${unknown}`), 404, 'NOT_FOUND', /does not exist/);

    const tenant = uniqueName('http-dup');
    await ok(http('PUT', `tenants/${tenant}`));
    await expectError(
      http('PUT', `tenants/${tenant}`),
      409,
      'ALREADY_EXISTS',
      new RegExp(`tenant ${tenant} already exists`),
    );
    await ok(http('PUT', `namespaces/${tenant}/ns`));
    await expectError(http('DELETE', `tenants/${tenant}`), 412, 'NOT_EMPTY', /namespaces/);
    await ok(http('DELETE', `namespaces/${tenant}/ns`), 204);
    await ok(http('DELETE', `tenants/${tenant}`), 204);
  });
});

describe('namespaces', () => {
  it('PUT with and without policies, GET list and one, PUT policies, DELETE', async () => {
    expect((await ok(http('GET', 'namespaces/public'))).body).toContain('public/default');
    const tenant = uniqueName('http-ns');
    await ok(http('PUT', `tenants/${tenant}`));

    const plain = await ok(http('PUT', `namespaces/${tenant}/plain`));
    expect(plain.body).toMatchObject({ name: `${tenant}/plain`, policies: { persistence: null } });
    const policy = { ensembleSize: 3, writeQuorum: 2, ackQuorum: 2 };
    const durable = await ok(http('PUT', `namespaces/${tenant}/durable`, { persistence: policy }));
    expect(durable.body).toMatchObject({
      name: `${tenant}/durable`,
      policies: { persistence: policy },
    });
    expect(((await ok(http('GET', `namespaces/${tenant}`))).body as string[]).sort()).toEqual([
      `${tenant}/durable`,
      `${tenant}/plain`,
    ]);
    const got = await ok(http('GET', `namespaces/${tenant}/durable`));
    expect(got.body).toMatchObject({
      name: `${tenant}/durable`,
      policies: { persistence: policy },
    });
    expect(got.body.createdAtMs).toBeGreaterThan(0);

    const changed = { ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 };
    const set = await ok(
      http('PUT', `namespaces/${tenant}/plain/policies`, { persistence: changed }),
    );
    expect(set.body).toMatchObject({ policies: { persistence: changed } });
    expect((await ok(http('GET', `namespaces/${tenant}/plain`))).body).toMatchObject({
      policies: { persistence: changed },
    });

    await ok(http('DELETE', `namespaces/${tenant}/plain`), 204);
    await ok(http('DELETE', `namespaces/${tenant}/durable`), 204);
    expect((await ok(http('GET', `namespaces/${tenant}`))).body).toEqual([]);
    await ok(http('DELETE', `tenants/${tenant}`), 204);
  });

  it('400 for bad names and policies, 404 unknown, 409 duplicate, 412 with topics', async () => {
    const tenant = uniqueName('http-ns-err');
    await ok(http('PUT', `tenants/${tenant}`));
    await expectError(
      http('PUT', `namespaces/${tenant}/bad%20name`),
      400,
      'INVALID_ARGUMENT',
      /bad name/,
    );
    // a/b/c is no namespace path at all.
    await expectError(http('GET', 'namespaces/a/b/c'), 404, 'NOT_FOUND', /no such path/);
    await expectError(
      http('PUT', `namespaces/${uniqueName('nobody')}/ns`),
      404,
      'NOT_FOUND',
      /tenant .* does not exist/,
    );
    await expectError(
      http('GET', `namespaces/${tenant}/unknown`),
      404,
      'NOT_FOUND',
      /does not exist/,
    );
    await expectError(
      http('PUT', `namespaces/${tenant}/unknown/policies`, {
        persistence: { ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 },
      }),
      404,
      'NOT_FOUND',
      /does not exist/,
    );
    await expectError(
      http('DELETE', `namespaces/${tenant}/unknown`),
      404,
      'NOT_FOUND',
      /does not exist/,
    );

    await ok(http('PUT', `namespaces/${tenant}/ns`));
    await expectError(
      http('PUT', `namespaces/${tenant}/ns`),
      409,
      'ALREADY_EXISTS',
      /already exists/,
    );
    await expectError(
      http('PUT', `namespaces/${tenant}/ns/policies`, {
        persistence: { ensembleSize: 3, writeQuorum: 2, ackQuorum: 3 },
      }),
      400,
      'INVALID_ARGUMENT',
      /invalid persistence policy E=3 Qw=2 Qa=3/,
    );
    // No body, or not an object, is a mistake, not a reset of the policies.
    for (const body of [undefined, 5]) {
      await expectError(
        http('PUT', `namespaces/${tenant}/ns/policies`, body),
        400,
        'INVALID_ARGUMENT',
        /the body must be the policies as a JSON object/,
      );
    }
    await expectError(
      http('PUT', `namespaces/${tenant}/other`, {
        persistence: { ensembleSize: 1, writeQuorum: 2, ackQuorum: 1 },
      }),
      400,
      'INVALID_ARGUMENT',
      /invalid persistence policy/,
    );
    await expectError(
      http('PUT', `namespaces/${tenant}/other`, '{"persistence": '),
      400,
      'INVALID_ARGUMENT',
      /not valid JSON/,
    );
    await expectError(
      http('PUT', `namespaces/${tenant}/ns/policies`, 'not json'),
      400,
      'INVALID_ARGUMENT',
      /not valid JSON/,
    );
    // None of the refused requests created or changed anything.
    expect((await ok(http('GET', `namespaces/${tenant}`))).body).toEqual([`${tenant}/ns`]);
    expect((await ok(http('GET', `namespaces/${tenant}/ns`))).body).toMatchObject({
      policies: { persistence: null },
    });

    await ok(http('PUT', `persistent/${tenant}/ns/t`));
    await expectError(http('DELETE', `namespaces/${tenant}/ns`), 412, 'NOT_EMPTY', /topics/);
    await ok(http('DELETE', `persistent/${tenant}/ns/t`), 204);
    await ok(http('DELETE', `namespaces/${tenant}/ns`), 204);
  });
});

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
    const strata = createClient({ serviceUrl: standalone.serviceUrl });
    clients.push(strata);
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
    const strata = createClient({ serviceUrl: standalone.serviceUrl });
    clients.push(strata);
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
      owner: standalone.serviceUrl,
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
    const strata = createClient({ serviceUrl: standalone.serviceUrl });
    clients.push(strata);
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
    const producer = new RawProducer(raw, topic, 'busy-producer');
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
    const consumer = new RawConsumer(raw, { topic, subscription: 's', type: 'SHARED' });
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
    const producer = new RawProducer(raw, `${topic}-partition-0`, 'pd');
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
