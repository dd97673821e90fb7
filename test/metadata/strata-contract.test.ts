import { openMetadataStore } from '../../services/metadata/open-metadata-store.js';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startMetadataProcess } from '../../deploy/local/strata-roles.js';
import { makeTempDir } from '../harness/temp-dir.js';
import { describeMetadataContract } from './metadata-contract.js';

describeMetadataContract('strata (bin/strata metadata process)', async () => {
  const group = new ProcessGroup();
  const dir = await makeTempDir('metadata-contract');
  const server = await startMetadataProcess(group, dir.path);
  return {
    connect: () => openMetadataStore(server.url),
    teardown: async () => {
      await group.stopAll();
      await dir.remove();
    },
  };
});
