import { join } from 'node:path';
import { Command, Option } from 'commander';
import { createLogger } from '../../services/common/logger.js';
import { startMetadataServer } from '../../services/metadata/server/metadata-server.js';
import { logLevelOption, portOption } from '../options.js';
import { runService } from '../run-service.js';

/**
 * Every role in one process on the embedded defaults. Today that is the metadata service; the
 * storage node and the gateway join it as they are built.
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
    .addOption(logLevelOption())
    .action(
      async (options: {
        dataDir: string;
        host: string;
        metadataPort: number;
        logLevel: string;
      }) => {
        const logger = createLogger('standalone', options.logLevel as never);
        await runService(logger, async () => {
          const metadata = await startMetadataServer({
            host: options.host,
            port: options.metadataPort,
            dataDir: join(options.dataDir, 'metadata'),
            logger: logger.child({ component: 'metadata' }),
          });
          logger.info(
            { metadataUrl: `strata://${metadata.address}`, dataDir: options.dataDir },
            `Strata standalone is up: metadata at strata://${metadata.address}`,
          );
          return metadata;
        });
      },
    );
}
