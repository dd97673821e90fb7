import { afterEach, describe, expect, it } from 'vitest';
import { LeaseLostError, TimeoutError } from '../../services/common/errors.js';
import { LeaseKeeper } from '../../services/common/lease-keeper.js';
import { createMemoryStore } from '../../services/metadata/memory/memory-store.js';
import type { FaultInjectingStore } from '../../services/metadata/memory/fault-injecting-store.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const open: Array<{ keeper: LeaseKeeper; store: FaultInjectingStore }> = [];

async function setup(ttlMs = 300) {
  const store = await createMemoryStore({ leaseSweepMs: 10 });
  const keeper = new LeaseKeeper(store, { ttlMs });
  open.push({ keeper, store });
  return { store, keeper };
}

afterEach(async () => {
  for (const { keeper, store } of open.splice(0)) {
    await keeper.stop();
    await store.close();
  }
});

describe('LeaseKeeper', () => {
  it('keeps a lease and its keys alive for many TTLs', async () => {
    const { store, keeper } = await setup(300);
    let renewals = 0;
    keeper.on('renewed', () => renewals++);
    const leaseId = await keeper.start();
    await store.put('/role/a', Buffer.from('x'), { leaseId });
    await sleep(1_200);
    expect(renewals).toBeGreaterThanOrEqual(6);
    expect(keeper.isHolding).toBe(true);
    expect((await store.get('/role/a'))?.leaseId).toBe(leaseId);
  });

  it('rides out transient renewal failures', async () => {
    const { store, keeper } = await setup(300);
    const failures: unknown[] = [];
    keeper.on('renewFailed', ({ error }) => failures.push(error));
    const leaseId = await keeper.start();
    store.failNext(2, { ops: ['keepAlive'] });
    await sleep(900);
    expect(failures).toHaveLength(2);
    expect(keeper.isHolding).toBe(true);
    await store.put('/role/b', Buffer.from('x'), { leaseId });
  });

  it('reports the lease lost once it cannot be renewed within its TTL', async () => {
    const { store, keeper } = await setup(300);
    await keeper.start();
    store.failNext(1_000, { ops: ['keepAlive'] });
    const startedFailing = Date.now();
    const lost = await keeper.lost;
    expect(lost).toBeInstanceOf(LeaseLostError);
    expect(lost.message).toMatch(/not renewed within its TTL of 300 ms/);
    expect(Date.now() - startedFailing).toBeLessThanOrEqual(300 + 250);
    expect(keeper.isHolding).toBe(false);
  });

  it('reports the lease lost when renewals hang, without waiting for them', async () => {
    const { store, keeper } = await setup(300);
    await keeper.start();
    store.delayNext(1_000, 5_000, { ops: ['keepAlive'] });
    const before = Date.now();
    await keeper.lost;
    expect(Date.now() - before).toBeLessThanOrEqual(300 + 250);
  });

  it('reports the lease lost at its next renewal when the store says it is gone', async () => {
    const { store, keeper } = await setup(3_000);
    const leaseId = await keeper.start();
    await store.revokeLease(leaseId);
    const lost = await keeper.lost;
    expect(lost.message).toMatch(/is gone/);
    expect(lost.cause).toBeDefined();
  });

  it('retries the grant while the store is unavailable, and gives up at its deadline', async () => {
    const { store, keeper } = await setup(300);
    store.failNext(3, { ops: ['grantLease'] });
    expect(await keeper.start()).toMatch(/^\d+$/);

    const other = new LeaseKeeper(store, { ttlMs: 300 });
    store.failNext(1_000, { ops: ['grantLease'], error: new TimeoutError('metadata is slow') });
    await expect(other.start({ deadline: Date.now() + 300 })).rejects.toBeInstanceOf(TimeoutError);
    store.clearFaults();
  });

  it('revokes the lease on stop, so its keys go at once', async () => {
    const { store, keeper } = await setup(10_000);
    const leaseId = await keeper.start();
    await store.put('/role/c', Buffer.from('x'), { leaseId });
    await keeper.stop();
    expect(await store.get('/role/c')).toBeUndefined();
  });
});
