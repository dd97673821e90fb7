import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startEtcd } from '../harness/etcd-process.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { describeMetadataContract } from './metadata-contract.js';

// Never skipped: CI installs etcd (see .ci/run). Without the binary this fails loudly.
describeMetadataContract('etcd (etcd process)', async () => {
  const group = new ProcessGroup();
  const dir = await makeTempDir('etcd-contract');
  const etcd = await startEtcd(group, dir.path);
  return {
    connect: () => openMetadataStore(etcd.url),
    teardown: async () => {
      await group.stopAll();
      await dir.remove();
    },
  };
});
