import { afterAll, expect, it } from 'vitest';
import { ProcessGroup } from '../deploy/local/managed-process.js';
import { startStandaloneProcess } from '../deploy/local/strata-roles.js';
import { openMetadataStore } from '../services/metadata/open-metadata-store.js';
import { createClient } from '../sdk/index.js';
import { LedgerClient } from '../storage-node/client/ledger-client.js';
import { makeTempDir } from './harness/temp-dir.js';
import { waitFor } from './harness/wait.js';

const group = new ProcessGroup();
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await group.stopAll();
  for (const cleanup of cleanups) await cleanup();
});

function startStandalone(dataDir: string, metadataPort = 0) {
  return startStandaloneProcess(group, { dataDir, metadataPort });
}

it('runs metadata, a storage node and a gateway in one process, and a restart finds everything', async () => {
  const dir = await makeTempDir('standalone');
  cleanups.push(dir.remove);
  const first = await startStandalone(dir.path);
  let metadata = await openMetadataStore(first.metadataUrl);
  let client = await LedgerClient.create({ metadata });
  await waitFor(() => client.nodes.all().length === 1, 'the standalone storage node');
  const writer = await client.createLedger({ ensembleSize: 1, writeQuorum: 1, ackQuorum: 1 });
  await Promise.all(
    Array.from({ length: 500 }, (_, i) => writer.append(Buffer.from(`standalone ${i}`))),
  );
  await writer.close();
  client.close();
  await metadata.close();

  // Through the gateway, as a user would.
  const strata = createClient({ serviceUrl: first.serviceUrl });
  const producer = await strata.createProducer({ topic: 'standalone-topic' });
  await Promise.all(
    Array.from({ length: 100 }, (_, i) => producer.send({ payload: `hello ${i}` })),
  );
  const consumer = await strata.subscribe({
    topic: 'standalone-topic',
    subscription: 'sub',
    initialPosition: 'earliest',
  });
  const iterator = consumer[Symbol.asyncIterator]();
  for (let i = 0; i < 50; i++) {
    const next = await iterator.next();
    expect(next.value?.payload.toString()).toBe(`hello ${i}`);
    next.value?.ack();
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  await strata.close();

  // Ctrl-C: a clean exit.
  first.process.signal('SIGINT');
  expect((await first.process.exited).code).toBe(0);

  const port = Number(first.metadataUrl.split(':').pop());
  const second = await startStandalone(dir.path, port);
  metadata = await openMetadataStore(second.metadataUrl);
  client = await LedgerClient.create({ metadata });
  await waitFor(() => client.nodes.all().length === 1, 'the standalone storage node after restart');
  const reader = await client.openLedger(writer.ledgerId);
  const entries: string[] = [];
  for await (const entry of reader.read(0)) entries.push(entry.payload.toString());
  expect(entries).toEqual(Array.from({ length: 500 }, (_, i) => `standalone ${i}`));

  // The subscription resumes where it was: the 50 unacknowledged messages.
  const again = createClient({ serviceUrl: second.serviceUrl });
  const resumed = await again.subscribe({ topic: 'standalone-topic', subscription: 'sub' });
  const rest = resumed[Symbol.asyncIterator]();
  for (let i = 50; i < 100; i++) {
    const next = await rest.next();
    expect(next.value?.payload.toString()).toBe(`hello ${i}`);
    next.value?.ack();
  }
  await again.close();
  client.close();
  await metadata.close();
});
