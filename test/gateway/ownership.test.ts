import { afterAll, beforeAll, expect, it } from 'vitest';
import { TopicOwnership } from '../../gateway/ownership/topic-ownership.js';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startMetadataProcess } from '../../deploy/local/strata-roles.js';
import { BadVersionError } from '../../services/common/errors.js';
import { LeaseKeeper } from '../../services/common/lease-keeper.js';
import { FaultInjectingStore } from '../../services/metadata/memory/fault-injecting-store.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { waitFor } from '../harness/wait.js';

const group = new ProcessGroup();
let url: string;
let removeDir: () => Promise<void>;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const dir = await makeTempDir('ownership');
  removeDir = dir.remove;
  url = (await startMetadataProcess(group, dir.path)).url;
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await group.stopAll();
  await removeDir?.();
});

/** A gateway's view: its own metadata connection (wrapped so a test can cut it) and lease. */
async function gateway(id: string, ttlMs = 2_000) {
  const store = new FaultInjectingStore(await openMetadataStore(url));
  const lease = new LeaseKeeper(store, { ttlMs });
  await lease.start();
  const ownership = new TopicOwnership(
    store,
    { gatewayId: id, address: `${id}:6650` },
    () => lease,
  );
  cleanups.push(async () => {
    await lease.stop();
    await store.close();
  });
  return { store: store as MetadataStore & FaultInjectingStore, lease, ownership };
}

it('lets exactly one of many gateways claim a topic, and tells the others who did', async () => {
  const gateways = await Promise.all(['g1', 'g2', 'g3', 'g4', 'g5'].map((id) => gateway(id)));
  const path = `public/default/claimed-${Date.now()}`;
  const results = await Promise.all(gateways.map((g) => g.ownership.tryClaim(path)));
  const winners = results.filter((r) => r.owned);
  expect(winners).toHaveLength(1);
  const winner = gateways[results.findIndex((r) => r.owned)];
  for (const result of results) {
    if (!result.owned) expect(result.owner.address).toBe(`${result.owner.gatewayId}:6650`);
  }
  const owners = new Set(
    results.filter((r) => !r.owned).map((r) => (r.owned ? '' : r.owner.gatewayId)),
  );
  expect(owners.size).toBe(1);
  expect(winner?.ownership.owns(path)).toBe(true);
});

it('guards metadata changes with the ownership key', async () => {
  const a = await gateway('guard-a');
  const b = await gateway('guard-b');
  const path = `public/default/guarded-${Date.now()}`;
  await a.ownership.tryClaim(path);
  const key = `/strata/topics/${path}`;
  await a.store.txn({
    checks: a.ownership.guard(path),
    ops: [{ type: 'put', key, value: Buffer.from('by owner') }],
  });
  await expect(
    b.store.txn({
      checks: b.ownership.guard(path),
      ops: [{ type: 'put', key, value: Buffer.from('by intruder') }],
    }),
  ).rejects.toBeInstanceOf(BadVersionError);
  expect((await a.store.get(key))?.value.toString()).toBe('by owner');
});

it('hands the topic to another gateway once the owner cannot renew its lease, and the old owner is shut out', async () => {
  const a = await gateway('lapse-a', 2_000);
  const b = await gateway('lapse-b', 2_000);
  const path = `public/default/lapsed-${Date.now()}`;
  expect((await a.ownership.tryClaim(path)).owned).toBe(true);
  expect(await b.ownership.tryClaim(path)).toMatchObject({
    owned: false,
    owner: { gatewayId: 'lapse-a' },
  });

  // Gateway A is cut off from metadata renewals (a partition, a long pause).
  a.store.failNext(1_000, { ops: ['keepAlive'] });
  await a.lease.lost;
  expect(a.ownership.owns(path)).toBe(false);
  const claimed = await waitFor(
    async () => (await b.ownership.tryClaim(path)).owned,
    'B to claim the topic',
    10_000,
  );
  expect(claimed).toBe(true);

  const key = `/strata/topics/${path}`;
  await expect(
    a.store.txn({
      checks: a.ownership.guard(path),
      ops: [{ type: 'put', key, value: Buffer.from('zombie') }],
    }),
  ).rejects.toBeInstanceOf(BadVersionError);
  expect((await b.ownership.owner(path))?.gatewayId).toBe('lapse-b');
  a.store.clearFaults();
});
