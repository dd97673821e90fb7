import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { ClusterState } from '../../deploy/local/cluster-state.js';
import { conditionOf, signalProcess } from '../../deploy/local/detached-process.js';
import { runStrata } from '../harness/run-strata.js';
import { makeTempDir } from '../harness/temp-dir.js';

const dirs: Array<{ path: string; remove: () => Promise<void> }> = [];

/** Whatever a failed test left running is killed: the cluster's processes are detached. */
afterAll(async () => {
  for (const dir of dirs) {
    try {
      const state = JSON.parse(
        readFileSync(join(dir.path, 'cluster.json'), 'utf8'),
      ) as ClusterState;
      for (const role of state.roles) signalProcess(role.pid, 'SIGKILL');
    } catch {
      // No cluster was recorded.
    }
    await dir.remove();
  }
});

async function strata(...args: string[]): Promise<string> {
  const result = await runStrata(args);
  expect(result.code, `strata ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function conditions(dir: string): Promise<Record<string, string>> {
  const status = JSON.parse(await strata('cluster', 'status', '--dir', dir, '--json')) as {
    roles: Array<{ id: string; condition: string; pid: number }>;
  };
  return Object.fromEntries(status.roles.map((r) => [r.id, r.condition]));
}

function serviceUrlOf(output: string): string {
  return /^service URL: (\S+)$/m.exec(output)?.[1] as string;
}

it('cluster up, status, kill, stop, cont, restart, down, and up again on the same data', async () => {
  const dir = await makeTempDir('local-cluster');
  dirs.push(dir);
  const up = await strata(
    'cluster',
    'up',
    '--dir',
    dir.path,
    '--gateways',
    '2',
    '--storage-nodes',
    '4',
  );
  const serviceUrl = serviceUrlOf(up);
  expect(serviceUrl.split(',')).toHaveLength(2);
  const all = [
    'metadata-1',
    'storage-1',
    'storage-2',
    'storage-3',
    'storage-4',
    'gateway-1',
    'gateway-2',
  ];
  expect(await conditions(dir.path)).toEqual(Object.fromEntries(all.map((id) => [id, 'running'])));

  const url = ['--service-url', serviceUrl];
  await strata('produce', 'orders', '-n', '1000', ...url);

  await strata('cluster', 'kill', 'storage-1', '--dir', dir.path);
  await strata('cluster', 'stop', 'gateway-1', '--dir', dir.path);
  expect(await conditions(dir.path)).toMatchObject({ 'storage-1': 'dead', 'gateway-1': 'stopped' });
  await strata('cluster', 'cont', 'gateway-1', '--dir', dir.path);
  await strata('cluster', 'restart', 'storage-1', '--dir', dir.path);
  expect(await conditions(dir.path)).toEqual(Object.fromEntries(all.map((id) => [id, 'running'])));

  // E3/Qw3/Qa2 by default: writes go on through the restarts.
  await strata('produce', 'orders', '-n', '1000', ...url);
  const consumed = await strata(
    'consume',
    'orders',
    '-s',
    's1',
    '-n',
    '2000',
    '--earliest',
    ...url,
  );
  expect(consumed.trimEnd().split('\n')).toHaveLength(2000);

  await strata('cluster', 'down', '--dir', dir.path);
  const state = JSON.parse(readFileSync(join(dir.path, 'cluster.json'), 'utf8')) as ClusterState;
  for (const role of state.roles) expect(await conditionOf(role.pid)).toBe('dead');

  // Up again: the same roles at the same addresses, on their data.
  expect(serviceUrlOf(await strata('cluster', 'up', '--dir', dir.path))).toBe(serviceUrl);
  const again = await strata('consume', 'orders', '-s', 's2', '-n', '2000', '--earliest', ...url);
  expect(again.trimEnd().split('\n')).toHaveLength(2000);

  // Mistakes are one line.
  const unknown = await runStrata(['cluster', 'kill', 'gateway-9', '--dir', dir.path]);
  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr.trim()).toMatch(/^strata: error: no role gateway-9 in this cluster/);
  const twice = await runStrata(['cluster', 'up', '--dir', dir.path]);
  expect(twice.code).not.toBe(0);
  expect(twice.stderr.trim()).toMatch(/a cluster already runs in/);
  await strata('cluster', 'down', '--dir', dir.path);
  const missing = await runStrata(['cluster', 'status', '--dir', join(dir.path, 'nothing')]);
  expect(missing.code).not.toBe(0);
  expect(missing.stderr.trim().split('\n')).toHaveLength(1);
});

it('a cluster on a 3-member etcd keeps serving while a member is killed and restarted', async () => {
  const dir = await makeTempDir('local-cluster-etcd');
  dirs.push(dir);
  const up = await strata(
    'cluster',
    'up',
    '--dir',
    dir.path,
    '--metadata',
    'etcd',
    '--etcd-members',
    '3',
    '--gateways',
    '1',
    '--storage-nodes',
    '3',
  );
  expect(up).toMatch(/^metadata: +etcd:\/\/127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+$/m);
  const url = ['--service-url', serviceUrlOf(up)];
  await strata('cluster', 'kill', 'etcd-2', '--dir', dir.path);
  await strata('produce', 'events', '-n', '500', ...url);
  await strata('cluster', 'restart', 'etcd-2', '--dir', dir.path);
  expect(await conditions(dir.path)).toMatchObject({ 'etcd-1': 'running', 'etcd-2': 'running' });
  const consumed = await strata('consume', 'events', '-s', 's', '-n', '500', '--earliest', ...url);
  expect(consumed.trimEnd().split('\n')).toHaveLength(500);
  await strata('cluster', 'down', '--dir', dir.path);
});
