import { startGatewayProcess, type GatewayProcess } from '../../deploy/local/strata-roles.js';
import { createClient, type StrataClient } from '../../sdk/index.js';
import { StorageCluster } from './storage-cluster.js';

export interface GatewayCluster {
  cluster: StorageCluster;
  gateway: GatewayProcess;
  strata: StrataClient;
  /** Closes the client (without waiting on a hung one for more than 10 s), then every process. */
  stop(): Promise<void>;
}

/** A metadata process, `nodes` storage node processes, one gateway process and an SDK client. */
export async function startGatewayCluster(options: {
  nodes: number;
  gatewayArgs?: string[];
}): Promise<GatewayCluster> {
  const cluster = await StorageCluster.start({ nodes: options.nodes });
  const gateway = await startGatewayProcess(cluster.group, {
    name: 'gateway',
    metadataUrl: cluster.metadataUrl,
    args: options.gatewayArgs,
  });
  const strata = createClient({ serviceUrl: gateway.address });
  return {
    cluster,
    gateway,
    strata,
    stop: async () => {
      try {
        await Promise.race([strata.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      } finally {
        await cluster.stop();
      }
    },
  };
}
