import { Command, Option } from 'commander';
import { createLogger } from '../../services/common/logger.js';
import { startMetadataServer } from '../../services/metadata/server/metadata-server.js';
import { logLevelOption, portOption } from '../options.js';
import { runService } from '../run-service.js';

export function metadataCommand(): Command {
  return new Command('metadata')
    .description('run the metadata service (versioned keys, leases, watches on LevelDB)')
    .addOption(
      portOption('--port <port>', 'gRPC port (0 picks a free one)', 'STRATA_METADATA_PORT', 6600),
    )
    .addOption(
      new Option('--host <host>', 'address to listen on').env('STRATA_HOST').default('127.0.0.1'),
    )
    .addOption(
      new Option('--data-dir <dir>', 'where the LevelDB files live')
        .env('STRATA_DATA_DIR')
        .default('./data/metadata'),
    )
    .addOption(logLevelOption())
    .action(async (options: { port: number; host: string; dataDir: string; logLevel: string }) => {
      const logger = createLogger('metadata', options.logLevel as never);
      await runService(logger, () =>
        startMetadataServer({
          host: options.host,
          port: options.port,
          dataDir: options.dataDir,
          logger,
        }),
      );
    });
}
