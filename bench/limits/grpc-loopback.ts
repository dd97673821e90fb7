import { makeGenericClientConstructor, credentials, type ClientDuplexStream } from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManagedProcess, ProcessGroup } from '../../deploy/local/managed-process.js';
import { SINK_SERVICE } from './grpc-sink-service.js';

export interface GrpcLoopbackResult {
  messageSize: number;
  messagesPerFrame: number;
  messagesPerSecond: number;
  megabytesPerSecond: number;
}

/** Frames in flight on the stream: enough that neither end ever waits for the other. */
const WINDOW = 32;

/**
 * The transport's ceiling: messages/s that grpc-js carries from this process to another over
 * loopback, `messagesPerFrame` messages of `messageSize` bytes to a frame, one stream, each frame
 * acknowledged — what a producer's batches to a gateway cost before any Strata code runs.
 */
export async function measureGrpcLoopback(
  messageSize: number,
  messagesPerFrame: number,
  seconds: number,
): Promise<GrpcLoopbackResult> {
  const group = new ProcessGroup();
  const script = join(dirname(fileURLToPath(import.meta.url)), 'grpc-sink-server.js');
  try {
    const server = group.add(new ManagedProcess('grpc-sink', process.execPath, [script]));
    const [, port] = await server.waitForOutput(/grpc sink listening on (\d+)/);
    const Client = makeGenericClientConstructor(SINK_SERVICE, 'Sink');
    const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure(), {
      'grpc.max_send_message_length': 64 * 1024 * 1024,
    });
    try {
      const stream = (
        client as unknown as { frames(): ClientDuplexStream<Buffer, Buffer> }
      ).frames();
      const frame = randomBytes(messageSize * messagesPerFrame);
      let acked = 0;
      let sending = true;
      const started = performance.now();
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('data', () => {
          acked++;
          if (sending) stream.write(frame);
        });
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      for (let i = 0; i < WINDOW; i++) stream.write(frame);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      sending = false;
      const elapsed = (performance.now() - started) / 1000;
      const messages = acked * messagesPerFrame;
      stream.end();
      await ended.catch(() => undefined);
      return {
        messageSize,
        messagesPerFrame,
        messagesPerSecond: messages / elapsed,
        megabytesPerSecond: (messages * messageSize) / 1e6 / elapsed,
      };
    } finally {
      client.close();
    }
  } finally {
    await group.stopAll();
  }
}
