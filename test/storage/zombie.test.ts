import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManagedProcess } from '../../deploy/local/managed-process.js';
import { StorageCluster } from '../harness/storage-cluster.js';

const WRITER = fileURLToPath(new URL('../fixtures/ledger-writer.mjs', import.meta.url));

let cluster: StorageCluster;
beforeAll(async () => {
  cluster = await StorageCluster.start({ nodes: 3 });
});
afterAll(() => cluster?.stop());

async function readAll(ledgerId: number): Promise<string[]> {
  const reader = await (await cluster.client()).openLedger(ledgerId);
  const entries: string[] = [];
  for await (const entry of reader.read(0)) entries.push(entry.payload.toString());
  return entries;
}

it('a frozen writer that wakes up after a recovery gets nothing confirmed and changes nothing', async () => {
  const zombie = cluster.group.add(
    new ManagedProcess('zombie-writer', process.execPath, [WRITER, cluster.metadataUrl]),
  );
  const created = await zombie.waitForLine((l) => l.msg === 'created');
  const ledgerId = Number(created.ledgerId);
  await zombie.waitForLine((l) => l.msg === 'confirmed' && Number(l.entryId) >= 1_000);

  zombie.signal('SIGSTOP');
  const confirmedBeforeStop = Math.max(
    ...zombie.lines.filter((l) => l.msg === 'confirmed').map((l) => Number(l.entryId)),
  );
  const recoverer = await cluster.client();
  const reader = await recoverer.recoverLedger(ledgerId);
  const recoveredLast = reader.lastReadable;
  expect(recoveredLast).toBeGreaterThanOrEqual(confirmedBeforeStop);
  const metadataAfterRecovery = await recoverer.metadata(ledgerId);
  const entriesAfterRecovery = await readAll(ledgerId);
  expect(entriesAfterRecovery).toHaveLength(recoveredLast + 1);

  zombie.signal('SIGCONT');
  const failure = await zombie.waitForLine((l) => l.msg === 'failed', 20_000);
  expect(failure.code).toBe('LEDGER_FENCED');
  // Let anything still in flight land (or be refused).
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  const confirmations = zombie.lines
    .filter((l) => l.msg === 'confirmed')
    .map((l) => Number(l.entryId));
  // Nothing beyond the recovered end was ever confirmed to the zombie.
  expect(Math.max(...confirmations)).toBeLessThanOrEqual(recoveredLast);
  expect(await recoverer.metadata(ledgerId)).toEqual(metadataAfterRecovery);
  expect(await readAll(ledgerId)).toEqual(entriesAfterRecovery);
  expect(entriesAfterRecovery.every((text, i) => text === `zombie entry ${i}`)).toBe(true);
});
