import type { Logger } from '../services/common/logger.js';
import type { MetadataStore } from '../services/metadata/metadata-store.js';
import { openMetadataStore } from '../services/metadata/open-metadata-store.js';

export interface Service {
  close(): Promise<void>;
}

/**
 * Starts a service, then keeps the process up until SIGINT or SIGTERM and shuts it down cleanly.
 * A second signal exits at once. A failure to start is one log line and exit code 1.
 */
export async function runService(logger: Logger, start: () => Promise<Service>): Promise<void> {
  let service: Service;
  try {
    service = await start();
  } catch (error) {
    logger.fatal({ err: error }, `failed to start: ${(error as Error).message}`);
    logger.flush();
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * For a role that reaches metadata through a URL: opens the store, starts the role on it, and
 * closes both in order (the store too if the role fails to start).
 */
export async function runWithMetadata(
  logger: Logger,
  metadataUrl: string,
  start: (metadata: MetadataStore) => Promise<Service>,
): Promise<void> {
  await runService(logger, async () => {
    const metadata = await openMetadataStore(metadataUrl);
    const role = await start(metadata).catch(async (error: unknown) => {
      await metadata.close();
      throw error;
    });
    return {
      close: async () => {
        await role.close();
        await metadata.close();
      },
    };
  });
}
