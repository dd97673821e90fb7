import { afterAll, expect, it } from 'vitest';
import { LeaseNotFoundError } from '../../services/common/errors.js';
import { retry } from '../../services/common/retry.js';
import type { MetadataStore, WatchEvent } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startMetadataProcess } from '../../deploy/local/strata-roles.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { take, waitFor } from '../harness/wait.js';

const group = new ProcessGroup();
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await group.stopAll();
  for (const cleanup of cleanups) await cleanup();
});

const bytes = (text: string) => Buffer.from(text);

it('keeps every acknowledged put across kill -9, honours live leases for their TTL, and resumes watches', async () => {
  const dir = await makeTempDir('durability');
  cleanups.push(dir.remove);
  const first = await startMetadataProcess(group, dir.path);
  const store: MetadataStore = await openMetadataStore(first.url);
  cleanups.push(() => store.close());
  const prefix = '/durable/';

  // A watcher that lives through the crash: it must see every event exactly once, in order.
  const watch = store.watch(prefix);
  await watch.ready;
  const events = watch[Symbol.asyncIterator]();

  // Many acknowledged writes in flight together: independent keys, and compare-and-set chains.
  const acked = new Map<string, { value: string; version: number }>();
  const singles = Array.from({ length: 200 }, async (_, i) => {
    const key = `${prefix}single/${i}`;
    const { version } = await store.put(key, bytes(`s${i}`));
    acked.set(key, { value: `s${i}`, version });
  });
  const chains = Array.from({ length: 20 }, async (_, i) => {
    const key = `${prefix}chain/${i}`;
    let version = 0;
    for (let step = 0; step < 10; step++) {
      version = (await store.put(key, bytes(`c${i}.${step}`), { expectedVersion: version }))
        .version;
      acked.set(key, { value: `c${i}.${step}`, version });
    }
  });
  await Promise.all([...singles, ...chains]);
  expect(acked.size).toBe(220);

  const expiring = await store.grantLease(3_000);
  const renewed = await store.grantLease(3_000);
  await store.put(`${prefix}ephemeral/expiring`, bytes('e'), { leaseId: expiring.id });
  await store.put(`${prefix}ephemeral/renewed`, bytes('r'), { leaseId: renewed.id });
  const lastRevisionBefore = (await store.get(`${prefix}ephemeral/renewed`))?.version ?? 0;

  await first.process.kill();
  const restarted = await startMetadataProcess(group, dir.path, first.port);
  const restartedAt = Date.now();

  // Same client: it reconnects by itself; until it has, calls fail fast and retriably, as any
  // caller of the store must expect.
  await retry(() => store.get(`${prefix}single/0`), { retries: 100, maxDelayMs: 200 });
  for (const [key, { value, version }] of acked) {
    const kv = await store.get(key);
    expect(kv?.value.toString(), key).toBe(value);
    expect(kv?.version, key).toBe(version);
  }
  expect((await store.get(`${prefix}ephemeral/expiring`))?.leaseId).toBe(expiring.id);
  expect((await store.get(`${prefix}ephemeral/renewed`))?.leaseId).toBe(renewed.id);

  const renewer = setInterval(() => void store.keepAlive(renewed.id).catch(() => {}), 500);
  try {
    await waitFor(
      async () => (await store.get(`${prefix}ephemeral/expiring`)) === undefined,
      'the unrenewed lease to expire after the restart',
      10_000,
    );
    const expiredAfter = Date.now() - restartedAt;
    // Honoured for its TTL after the restart, then gone.
    expect(expiredAfter).toBeGreaterThanOrEqual(3_000 - 200);
    expect(expiredAfter).toBeLessThanOrEqual(3_000 + 1_000);
    await expect(store.keepAlive(expiring.id)).rejects.toBeInstanceOf(LeaseNotFoundError);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await store.get(`${prefix}ephemeral/renewed`))?.value.toString()).toBe('r');
  } finally {
    clearInterval(renewer);
  }

  // Revisions go on from where they were: no version is ever handed out twice.
  const after = await store.put(`${prefix}after-restart`, bytes('new'));
  expect(after.version).toBeGreaterThan(lastRevisionBefore + 1);

  // 220 keys written (200 + 20 × 10 = 400 events), 2 ephemeral puts, 1 lease expiry, 1 new put.
  const seen: WatchEvent[] = await take(events, 404, 20_000);
  watch.close();
  const revisions = seen.map((e) => e.revision);
  for (let i = 1; i < revisions.length; i++) {
    expect(revisions[i]).toBeGreaterThan(revisions[i - 1] as number);
  }
  expect(seen.at(-2)).toMatchObject({ type: 'delete', key: `${prefix}ephemeral/expiring` });
  expect(seen.at(-1)).toMatchObject({ type: 'put', revision: after.revision });
  const finalVersions = new Map<string, number>();
  for (const event of seen)
    if (event.type === 'put') finalVersions.set(event.kv.key, event.kv.version);
  for (const [key, { version }] of acked) expect(finalVersions.get(key)).toBe(version);
  expect(restarted.process.running).toBe(true);
});
