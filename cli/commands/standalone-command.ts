import { join } from 'node:path';
import { Command, Option } from 'commander';
import { createLogger } from '../../services/common/logger.js';
import { startMetadataServer } from '../../services/metadata/server/metadata-server.js';
import { startStorageNode } from '../../storage-node/server/storage-node-server.js';
import { logLevelOption, parseByteSize, portOption } from '../options.js';
import { runService } from '../run-service.js';

interface StandaloneFlags {
  dataDir: string;
  host: string;
  metadataPort: number;
  storagePort: number;
  minFreeBytes: number;
  logLevel: string;
}

/**
 * Every role in one process on the embedded defaults: the metadata service and one storage node
 * (which reaches metadata in-process). The gateway joins them with its issue.
 */
export function standaloneCommand(): Command {
  return new Command('standalone')
    .description('run Strata in one process with embedded metadata, data under --data-dir')
    .addOption(
      new Option('--data-dir <dir>', 'data directory').env('STRATA_DATA_DIR').default('./data'),
    )
    .addOption(
      new Option('--host <host>', 'address to listen on').env('STRATA_HOST').default('127.0.0.1'),
    )
    .addOption(
      portOption('--metadata-port <port>', 'metadata gRPC port', 'STRATA_METADATA_PORT', 6600),
    )
    .addOption(
      portOption('--storage-port <port>', 'storage node gRPC port', 'STRATA_STORAGE_PORT', 3181),
    )
    .addOption(
      new Option(
        '--min-free-bytes <size>',
        'below this free disk space the storage node turns read-only',
      )
        .env('STRATA_MIN_FREE_BYTES')
        .argParser(parseByteSize)
        .default(1024 ** 3),
    )
    .addOption(logLevelOption())
    .action(async (flags: StandaloneFlags) => {
      const logger = createLogger('standalone', flags.logLevel as never);
      await runService(logger, async () => {
        const metadata = await startMetadataServer({
          host: flags.host,
          port: flags.metadataPort,
          dataDir: join(flags.dataDir, 'metadata'),
          logger: logger.child({ component: 'metadata' }),
        });
        const storage = await startStorageNode({
          host: flags.host,
          port: flags.storagePort,
          dataDir: join(flags.dataDir, 'storage'),
          metadata: metadata.engine,
          logger: logger.child({ component: 'storage-node' }),
          sync: true,
          maxEntryBytes: 5 * 1024 * 1024,
          minFreeBytes: flags.minFreeBytes,
          leaseTtlMs: 10_000,
        }).catch(async (error: unknown) => {
          await metadata.close();
          throw error;
        });
        logger.info(
          {
            metadataUrl: `strata://${metadata.address}`,
            storageNode: storage.address,
            dataDir: flags.dataDir,
          },
          `Strata standalone is up: metadata at strata://${metadata.address}, storage node at ${storage.address}`,
        );
        return {
          close: async () => {
            await storage.close();
            await metadata.close();
          },
        };
      });
    });
}
