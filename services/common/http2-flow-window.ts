import type { Server } from '@grpc/grpc-js';
import type { Http2Server, ServerHttp2Session } from 'node:http2';

/**
 * The HTTP/2 receive window a Strata process gives each stream (and four times that to each
 * connection). HTTP/2's default of 64 KB lets a sender put only 64 KB on the wire per round trip
 * through the receiver's event loop: a producer's 128 KB batches were held at ~45 MB/s by that, not
 * by the disk. grpc-java and grpc-go open at 1 MiB for the same reason.
 */
export const FLOW_CONTROL_WINDOW_BYTES = 2 * 1024 * 1024;

/** The client side: how much a server may send on one stream before the client reads it. */
export const CLIENT_FLOW_CONTROL_OPTIONS = {
  'grpc-node.flow_control_window': FLOW_CONTROL_WINDOW_BYTES,
} as const;

/**
 * The server side. grpc-js 1.14 reads `grpc-node.flow_control_window` only in its client (its own
 * server support is grpc/grpc-node#3058, not released), so each new HTTP/2 session of the server is
 * sent the larger window here. The servers are reached through a field grpc-js does not export: if
 * a later grpc-js renames it, nothing breaks, the windows just stay at 64 KB (a test checks this).
 */
export function widenServerFlowWindows(server: Server, bytes = FLOW_CONTROL_WINDOW_BYTES): void {
  const servers = (server as unknown as { http2Servers?: unknown }).http2Servers;
  if (!(servers instanceof Map)) return;
  for (const http2Server of servers.keys() as IterableIterator<Http2Server>) {
    if (WIDENED in http2Server) continue;
    Object.defineProperty(http2Server, WIDENED, { value: true });
    http2Server.on('session', (session: ServerHttp2Session) => {
      session.settings({ initialWindowSize: bytes });
      session.setLocalWindowSize(bytes * 4);
    });
  }
}

const WIDENED = Symbol('strata.flowWindowWidened');
