import { Server } from '@grpc/grpc-js';
import { bindServer, shutdownServer } from '../../common/grpc-server.js';
import { mkdir } from 'node:fs/promises';
import type { Logger } from '../../common/logger.js';
import { LevelPersistence } from '../engine/level-persistence.js';
import { MetadataEngine, type EngineOptions } from '../engine/metadata-engine.js';
import { MAX_GRPC_MESSAGE_BYTES, metadataGrpc } from '../metadata-grpc.js';
import { createMetadataHandlers } from './metadata-service.js';

export interface MetadataServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  logger: Logger;
  engine?: EngineOptions;
}

export interface RunningMetadataServer {
  /** host:port actually bound. */
  address: string;
  port: number;
  engine: MetadataEngine;
  close(): Promise<void>;
}

/** Opens the LevelDB state and serves it over gRPC. */
export async function startMetadataServer(
  options: MetadataServerOptions,
): Promise<RunningMetadataServer> {
  const { logger } = options;
  await mkdir(options.dataDir, { recursive: true });
  const engine = await MetadataEngine.open(new LevelPersistence(options.dataDir), options.engine);
  const server = new Server({
    'grpc.max_receive_message_length': MAX_GRPC_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_GRPC_MESSAGE_BYTES,
  });
  server.addService(metadataGrpc.Metadata.service, createMetadataHandlers(engine, logger));
  let port: number;
  try {
    port = await bindServer(server, options.host, options.port);
  } catch (error) {
    await engine.close();
    throw error;
  }
  const address = `${options.host}:${port}`;
  logger.info(
    { address, port, revision: engine.revision, dataDir: options.dataDir },
    'metadata service listening',
  );

  let closing: Promise<void> | undefined;
  return {
    address,
    port,
    engine,
    close: () =>
      (closing ??= (async () => {
        // Watches never end by themselves: end them so the graceful shutdown can finish.
        await shutdownServer(server, 2_000, () => void engine.close());
        await engine.close();
        logger.info('metadata service stopped');
      })()),
  };
}
