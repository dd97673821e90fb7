import { describe, expect, it } from 'vitest';
import { useAdminEnv, uniqueName } from './admin-env.js';
import { adminRequest, expectError, ok } from './admin-http-client.js';

// The admin API as HTTP+JSON on the gateway's HTTP port (Pulsar's /admin/v2 paths), with fetch,
// against a real standalone: tenants and namespaces.

const env = useAdminEnv('admin-http-namespaces');
const http = (method: string, path: string, body?: unknown) =>
  adminRequest(env().standalone.httpUrl, method, path, body);

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
