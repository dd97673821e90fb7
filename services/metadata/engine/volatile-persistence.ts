import { KvState } from './kv-state.js';
import type { LoadedState, Persistence } from './persistence.js';

/** Keeps nothing: the memory backend, for unit tests. */
export class VolatilePersistence implements Persistence {
  load(): Promise<LoadedState> {
    return Promise.resolve({ state: new KvState(), history: [], firstRetainedRevision: 1 });
  }

  commit(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
