import { Command, Option } from 'commander';
import { createLogger } from '../../services/common/logger.js';
import {
  DEFAULT_GC_INTERVAL_MS,
  startStorageNode,
} from '../../storage-node/server/storage-node-server.js';
import {
  logLevelOption,
  parseByteSize,
  parseTimerMs,
  parsePositiveInt,
  portOption,
} from '../options.js';
import { runWithMetadata } from '../run-service.js';

interface StorageNodeFlags {
  port: number;
  host: string;
  advertiseAddress?: string;
  dataDir: string;
  metadataUrl: string;
  sync: 'always' | 'none';
  maxEntryBytes: number;
  minFreeBytes: number;
  leaseTtlMs: number;
  gcIntervalMs: number;
  logLevel: string;
}

export function storageNodeCommand(): Command {
  return new Command('storage-node')
    .description('run a storage node: ledger entries in LevelDB, group commit, fencing')
    .addOption(
      portOption('--port <port>', 'gRPC port (0 picks a free one)', 'STRATA_STORAGE_PORT', 3181),
    )
    .addOption(
      new Option('--host <host>', 'address to listen on').env('STRATA_HOST').default('127.0.0.1'),
    )
    .addOption(
      new Option('--advertise-address <host:port>', 'address clients use (default: host:port)').env(
        'STRATA_ADVERTISE_ADDRESS',
      ),
    )
    .addOption(
      new Option('--data-dir <dir>', 'where entries live')
        .env('STRATA_DATA_DIR')
        .default('./data/storage'),
    )
    .addOption(
      new Option('--metadata-url <url>', 'strata://host:port, etcd://host:port[,...]')
        .env('STRATA_METADATA_URL')
        .default('strata://127.0.0.1:6600'),
    )
    .addOption(
      new Option(
        '--sync <mode>',
        'fsync each group commit (always) or not (none: an explicit opt-out)',
      )
        .choices(['always', 'none'])
        .env('STRATA_SYNC')
        .default('always'),
    )
    .addOption(
      new Option('--max-entry-bytes <size>', 'largest entry accepted (e.g. 5MiB)')
        .env('STRATA_MAX_ENTRY_BYTES')
        .argParser(parseByteSize)
        .default(5 * 1024 * 1024),
    )
    .addOption(
      new Option(
        '--min-free-bytes <size>',
        'below this free disk space the node turns read-only (e.g. 1GiB)',
      )
        .env('STRATA_MIN_FREE_BYTES')
        .argParser(parseByteSize)
        .default(1024 ** 3),
    )
    .addOption(
      new Option('--lease-ttl-ms <ms>', 'TTL of the registration lease')
        .env('STRATA_LEASE_TTL_MS')
        .argParser(parsePositiveInt)
        .default(10_000),
    )
    .addOption(
      new Option(
        '--gc-interval-ms <ms>',
        'between passes that delete the entries of ledgers deleted while this node was away (0: never)',
      )
        .env('STRATA_GC_INTERVAL_MS')
        .argParser(parseTimerMs)
        .default(DEFAULT_GC_INTERVAL_MS),
    )
    .addOption(logLevelOption())
    .action(async (flags: StorageNodeFlags) => {
      const logger = createLogger('storage-node', flags.logLevel as never);
      await runWithMetadata(logger, flags.metadataUrl, (metadata) =>
        startStorageNode({
          host: flags.host,
          port: flags.port,
          advertiseAddress: flags.advertiseAddress,
          dataDir: flags.dataDir,
          metadata,
          logger,
          sync: flags.sync === 'always',
          maxEntryBytes: flags.maxEntryBytes,
          minFreeBytes: flags.minFreeBytes,
          leaseTtlMs: flags.leaseTtlMs,
          gcIntervalMs: flags.gcIntervalMs,
        }),
      );
    });
}
