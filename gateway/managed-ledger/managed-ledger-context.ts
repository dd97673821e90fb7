import type { Logger } from '../../services/common/logger.js';
import type { MetadataStore, TxnCheck } from '../../services/metadata/metadata-store.js';
import type { LedgerClient } from '../../storage-node/client/ledger-client.js';
import type { EntryCacheBudget } from './entry-cache.js';

/** What a managed ledger works with: the gateway's clients and its owner's guards. */
export interface ManagedLedgerContext {
  ledgers: LedgerClient;
  metadata: MetadataStore;
  logger?: Logger;
  /** Checks added to every change of the topic's metadata: the owner's ownership key. */
  guard?: () => TxnCheck[];
  /** Checks that creating the topic's ledger list must pass too (its namespace exists...). */
  creationChecks?: () => Promise<TxnCheck[]>;
  /** The gateway's entry-cache budget; without one, every read goes to the storage nodes. */
  entryCache?: EntryCacheBudget;
}
