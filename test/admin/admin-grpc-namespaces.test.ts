import { status } from '@grpc/grpc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure, failure } from '../harness/expect-failure.js';
import { uniqueName, useAdminEnv, type AdminEnv } from './admin-env.js';

// Tenants and namespaces through the admin API over gRPC (the SDK's admin client), against a real
// standalone: metadata, a storage node and a gateway in one process.

const env = useAdminEnv('admin-grpc-namespaces');
let admin: AdminEnv['admin'];

beforeAll(() => {
  ({ admin } = env());
});

const lookup = (topic: string) => env().lookup(topic);

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
    const strata = env().client({ operationTimeoutMs: 4_000 });
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
