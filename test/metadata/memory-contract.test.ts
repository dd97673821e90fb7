import { createMemoryStore } from '../../services/metadata/memory/memory-store.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { describeMetadataContract } from './metadata-contract.js';

describeMetadataContract('memory', async () => {
  // One shared engine: every "client" of the memory backend is the same in-process store.
  const shared = await createMemoryStore();
  const view = (): MetadataStore =>
    Object.assign(Object.create(shared) as MetadataStore, { close: () => Promise.resolve() });
  return {
    connect: () => Promise.resolve(view()),
    teardown: () => shared.close(),
  };
});
