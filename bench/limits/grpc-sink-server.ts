// The far end of the grpc-js loopback ceiling: a process of its own, as a gateway is, that takes
// frames on a bidirectional stream and answers each with a few bytes. Prints its port, then serves
// until it is killed.
import { Server, type ServerDuplexStream } from '@grpc/grpc-js';
import { bindServer } from '../../services/common/grpc-server.js';
import { SINK_SERVICE } from './grpc-sink-service.js';

const server = new Server({ 'grpc.max_receive_message_length': 64 * 1024 * 1024 });
const ack = Buffer.alloc(8);
server.addService(SINK_SERVICE, {
  frames: (stream: ServerDuplexStream<Buffer, Buffer>) => {
    stream.on('data', () => stream.write(ack));
    stream.on('end', () => stream.end());
    stream.on('error', () => undefined);
  },
});
// Bound as Strata's servers are, with their HTTP/2 windows: the ceiling is what grpc-js can do.
void bindServer(server, '127.0.0.1', 0).then((port) => {
  process.stdout.write(`grpc sink listening on ${port}\n`);
});
