import { join } from 'node:path';
import { Command, Option } from 'commander';
import { createLogger } from '../../services/common/logger.js';
import { startMetadataServer } from '../../services/metadata/server/metadata-server.js';
import { startGateway } from '../../gateway/gateway-server.js';
import { DEFAULT_MANAGED_LEDGER_CONFIG } from '../../gateway/managed-ledger/managed-ledger.js';
import { startStorageNode } from '../../storage-node/server/storage-node-server.js';
import { logLevelOption, parseByteSize, portOption } from '../options.js';
import { runService } from '../run-service.js';

interface StandaloneFlags {
  dataDir: string;
  host: string;
  metadataPort: number;
  storagePort: number;
  port: number;
  httpPort: number;
  minFreeBytes: number;
  logLevel: string;
}

/**
 * Every role in one process on the embedded defaults: the metadata service, one storage node
 * (E=Qw=Qa=1) and a gateway, each reaching the others in-process.
 */
export function standaloneCommand(): Command {
  return (
    new Command('standalone')
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
        portOption('--port <port>', 'gateway gRPC port for clients', 'STRATA_GATEWAY_PORT', 6650),
      )
      .addOption(
        portOption(
          '--http-port <port>',
          'gateway HTTP port (metrics, health)',
          'STRATA_HTTP_PORT',
          8080,
        ),
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
      // Quiet by default: a person running standalone sees the one line that says where it listens.
      .addOption(logLevelOption().default('warn'))
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
          // The gateway reaches the storage node in this process directly: no loopback hop.
          const gateway = await startGateway({
            host: flags.host,
            port: flags.port,
            httpPort: flags.httpPort,
            metadata: metadata.engine,
            logger: logger.child({ component: 'gateway' }),
            leaseTtlMs: 3_000,
            ledger: DEFAULT_MANAGED_LEDGER_CONFIG,
            maxMessageBytes: 5 * 1024 * 1024,
            localNodes: new Map([[storage.nodeId, storage.core]]),
          }).catch(async (error: unknown) => {
            await storage.close();
            await metadata.close();
            throw error;
          });
          const httpAddress = `${flags.host}:${gateway.httpPort}`;
          logger.info(
            {
              serviceUrl: gateway.address,
              httpAddress,
              metadataUrl: `strata://${metadata.address}`,
            },
            'standalone is up',
          );
          // The one line a person reads (and deploy/local/strata-roles.ts waits for).
          process.stdout.write(
            `Strata standalone is up: clients connect to ${gateway.address}, HTTP admin and metrics on ${httpAddress}, metadata at strata://${metadata.address}, data in ${flags.dataDir}\n`,
          );
          return {
            close: async () => {
              await gateway.close();
              await storage.close();
              await metadata.close();
            },
          };
        });
      })
  );
}
