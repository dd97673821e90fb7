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
  /** Written once, when the first gateway creates tenant public and namespace public/default. */
  clusterInit: `${ROOT}/cluster/initialized`,
  /** A random id, created once: storage nodes record it in their data dir (cluster-cookie.ts). */
  clusterInstanceId: `${ROOT}/cluster/instance-id`,
  tenants: `${ROOT}/tenants/`,
  tenant: (tenant: string) => `${ROOT}/tenants/${tenant}`,
  /** Namespaces of a tenant, and one namespace (`tenant/namespace`). */
  namespaces: (tenant: string) => `${ROOT}/namespaces/${tenant}/`,
  namespace: (name: string) => `${ROOT}/namespaces/${name}`,
  /** Topics of a namespace (`tenant/namespace`): their managed ledgers. */
  topics: (namespace: string) => `${ROOT}/topics/${namespace}/`,
  partitionedTopics: (namespace: string) => `${ROOT}/partitioned-topics/${namespace}/`,
  /** A partitioned topic's partition count; `path` is tenant/namespace/topic. */
  partitionedTopic: (path: string) => `${ROOT}/partitioned-topics/${path}`,
  ledger: (ledgerId: number) => `${ROOT}/ledgers/${String(ledgerId).padStart(20, '0')}`,
} as const;
