import { Command, Option } from 'commander';
import { startGateway } from '../../gateway/gateway-server.js';
import { DEFAULT_MANAGED_LEDGER_CONFIG } from '../../gateway/managed-ledger/managed-ledger.js';
import { createLogger } from '../../services/common/logger.js';
import { logLevelOption, parseByteSize, parsePositiveInt, portOption } from '../options.js';
import { runWithMetadata } from '../run-service.js';
import { DEFAULT_ENTRY_CACHE_BYTES } from '../../gateway/managed-ledger/entry-cache.js';

interface GatewayFlags {
  port: number;
  httpPort: number;
  host: string;
  advertiseAddress?: string;
  metadataUrl: string;
  leaseTtlMs: number;
  ensembleSize: number;
  writeQuorum: number;
  ackQuorum: number;
  maxMessageBytes: number;
  entryCacheBytes: number;
  logLevel: string;
}

const intOption = (flags: string, description: string, env: string, fallback: number) =>
  new Option(flags, description).env(env).argParser(parsePositiveInt).default(fallback);

export function gatewayCommand(): Command {
  return new Command('gateway')
    .description(
      'run a gateway: the stateless broker serving the messaging API, metrics on --http-port',
    )
    .addOption(
      portOption(
        '--port <port>',
        'gRPC port for clients (0 picks a free one)',
        'STRATA_GATEWAY_PORT',
        6650,
      ),
    )
    .addOption(
      portOption(
        '--http-port <port>',
        'HTTP port for metrics, health and admin',
        'STRATA_HTTP_PORT',
        8080,
      ),
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
      new Option('--metadata-url <url>', 'strata://host:port, etcd://host:port[,...]')
        .env('STRATA_METADATA_URL')
        .default('strata://127.0.0.1:6600'),
    )
    .addOption(
      intOption(
        '--lease-ttl-ms <ms>',
        'TTL of the gateway lease (topic failover time)',
        'STRATA_LEASE_TTL_MS',
        3_000,
      ),
    )
    .addOption(
      intOption('--ensemble-size <n>', 'storage nodes per ledger (E)', 'STRATA_ENSEMBLE_SIZE', 1),
    )
    .addOption(
      intOption('--write-quorum <n>', 'copies of each entry (Qw)', 'STRATA_WRITE_QUORUM', 1),
    )
    .addOption(
      intOption(
        '--ack-quorum <n>',
        'acks before an entry is confirmed (Qa)',
        'STRATA_ACK_QUORUM',
        1,
      ),
    )
    .addOption(
      new Option('--max-message-bytes <size>', 'largest batch a producer may send')
        .env('STRATA_MAX_MESSAGE_BYTES')
        .argParser(parseByteSize)
        .default(5 * 1024 * 1024),
    )
    .addOption(
      new Option(
        '--entry-cache-bytes <size>',
        'memory for recent entries, served to consumers that keep up without a storage read (0: off)',
      )
        .env('STRATA_ENTRY_CACHE_BYTES')
        .argParser(parseByteSize)
        .default(DEFAULT_ENTRY_CACHE_BYTES),
    )
    .addOption(logLevelOption())
    .action(async (flags: GatewayFlags) => {
      const logger = createLogger('gateway', flags.logLevel as never);
      await runWithMetadata(logger, flags.metadataUrl, (metadata) =>
        startGateway({
          host: flags.host,
          port: flags.port,
          httpPort: flags.httpPort,
          advertiseAddress: flags.advertiseAddress,
          metadata,
          logger,
          leaseTtlMs: flags.leaseTtlMs,
          ledger: {
            ...DEFAULT_MANAGED_LEDGER_CONFIG,
            ensembleSize: flags.ensembleSize,
            writeQuorum: flags.writeQuorum,
            ackQuorum: flags.ackQuorum,
          },
          maxMessageBytes: flags.maxMessageBytes,
          entryCacheBytes: flags.entryCacheBytes,
        }),
      );
    });
}
