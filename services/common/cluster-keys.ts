/**
 * Where each role keeps its state in the metadata store (see services/metadata/README.md). Ids in
 * keys are zero-padded so that listing order is numeric order.
 */
const ROOT = '/strata';

export const clusterKeys = {
  ledgerIdCounter: `${ROOT}/ids/ledger`,
  storageNodes: `${ROOT}/storage-nodes/`,
  storageNode: (nodeId: string) => `${ROOT}/storage-nodes/${nodeId}`,
  gateways: `${ROOT}/gateways/`,
  gateway: (gatewayId: string) => `${ROOT}/gateways/${gatewayId}`,
  /** The owner of a topic; `path` is tenant/namespace/topic. */
  ownership: (path: string) => `${ROOT}/ownership/${path}`,
  ledgers: `${ROOT}/ledgers/`,
  /** A topic's managed ledger; `path` is tenant/namespace/topic. */
  topic: (path: string) => `${ROOT}/topics/${path}`,
  cursors: (path: string) => `${ROOT}/cursors/${path}/`,
  cursor: (path: string, subscription: string) => `${ROOT}/cursors/${path}/${subscription}`,
  ledger: (ledgerId: number) => `${ROOT}/ledgers/${String(ledgerId).padStart(20, '0')}`,
} as const;
