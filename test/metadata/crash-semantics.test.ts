import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { ProcessGroup, ManagedProcess } from '../../deploy/local/managed-process.js';
import { startEtcd } from '../harness/etcd-process.js';
import { startMetadataProcess } from '../../deploy/local/strata-roles.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { take } from '../harness/wait.js';

const HOLDER = fileURLToPath(new URL('../fixtures/lease-holder.mjs', import.meta.url));
const TTL_MS = 2_000;

const group = new ProcessGroup();
const dirs: Array<() => Promise<void>> = [];
afterAll(async () => {
  await group.stopAll();
  for (const remove of dirs) await remove();
});

const backends: Array<[string, () => Promise<string>]> = [
  [
    'strata',
    async () => {
      const dir = await makeTempDir('crash-metadata');
      dirs.push(dir.remove);
      return (await startMetadataProcess(group, dir.path)).url;
    },
  ],
  [
    'etcd',
    async () => {
      const dir = await makeTempDir('crash-etcd');
      dirs.push(dir.remove);
      return (await startEtcd(group, dir.path)).url;
    },
  ],
];

describe.each(backends)('crash semantics (%s)', (_name, start) => {
  it('drops the ephemeral key of a SIGKILLed holder within TTL + 1 s, and a watcher sees it', async () => {
    const url = await start();
    const store = await openMetadataStore(url);
    const prefix = `/crash/${Date.now()}/`;
    const key = prefix + 'holder';
    const watch = store.watch(prefix);
    await watch.ready;
    const events = watch[Symbol.asyncIterator]();

    const holder = group.add(
      new ManagedProcess('lease-holder', process.execPath, [HOLDER, url, key, String(TTL_MS)]),
    );
    const holding = await holder.waitForLine((l) => l.msg === 'holding');
    const [created] = await take(events, 1);
    expect(created).toMatchObject({ type: 'put', kv: { key, leaseId: holding.leaseId } });

    // Alive past a whole TTL: the lease is really kept alive, not just young.
    await holder.waitForLine((l) => l.msg === 'renewed' && Number(l.renewals) >= 4, 10_000);
    expect((await store.get(key))?.leaseId).toBe(holding.leaseId);

    const killedAt = Date.now();
    await holder.kill();
    const [deleted] = await take(events, 1, TTL_MS + 5_000);
    const elapsed = Date.now() - killedAt;
    expect(deleted).toMatchObject({ type: 'delete', key });
    expect(elapsed).toBeLessThanOrEqual(TTL_MS + 1_000);
    expect(await store.get(key)).toBeUndefined();
    watch.close();
    await store.close();
  });
});
