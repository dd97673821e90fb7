import { MetadataEngine, type EngineOptions } from '../engine/metadata-engine.js';
import { VolatilePersistence } from '../engine/volatile-persistence.js';
import { FaultInjectingStore } from './fault-injecting-store.js';

/** The `memory` backend: the real engine with nothing persisted, plus fault injection. */
export async function createMemoryStore(options: EngineOptions = {}): Promise<FaultInjectingStore> {
  return new FaultInjectingStore(await MetadataEngine.open(new VolatilePersistence(), options));
}
