import type { Draft, KvState, RevisionEvents } from './kv-state.js';

/** What a backend found on disk at startup. */
export interface LoadedState {
  state: KvState;
  history: RevisionEvents[];
  firstRetainedRevision: number;
}

/** Where the engine makes its commits durable. */
export interface Persistence {
  load(): Promise<LoadedState>;
  /**
   * Writes one group commit atomically and durably, then resolves. `firstRetainedRevision` lets
   * it discard history the engine no longer serves.
   */
  commit(draft: Draft, firstRetainedRevision: number): Promise<void>;
  close(): Promise<void>;
}
