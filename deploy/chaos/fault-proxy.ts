import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A fault-injecting TCP proxy for chaos runs. It sits in front of one storage node (the node
 * advertises the proxy's address) and, on command, passes, delays, black-holes or resets the
 * traffic between every client and that node. node:net only.
 *
 * What the modes look like from a client (gRPC over HTTP/2):
 * - `drop` is a partition: connections stay open and silent. The proxy's own kernel still ACKs TCP
 *   segments and TCP keepalive probes, so SO_KEEPALIVE never notices; only an application-level
 *   heartbeat (HTTP/2 PING, i.e. grpc keepalive) or a request deadline does. New connections are
 *   accepted (the handshake succeeds) but carry nothing.
 * - `reset` is a crashed peer or a firewall reject: RST on every connection, old and new.
 * - `delay` is a slow link: each chunk leaves `delayMs` after it arrived, in order per direction.
 */
export type ProxyMode =
  { kind: 'pass' } | { kind: 'drop' } | { kind: 'delay'; delayMs: number } | { kind: 'reset' };

export interface FaultProxyOptions {
  listenHost?: string;
  /** 0 (the default) picks a free port. */
  listenPort?: number;
  targetHost: string;
  targetPort: number;
}

/**
 * `connections`: accepted ever (refused ones too); `open`: pairs not yet closed; `bytesUp` and
 * `bytesDown`: forwarded client → target and back; `dropped`: read and thrown away while dropping.
 */
export interface FaultProxyStats {
  connections: number;
  open: number;
  bytesUp: number;
  bytesDown: number;
  dropped: number;
}

/** In delay mode a direction pauses its reader beyond this much queued data, as pass mode does. */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;

/** RST where possible (what a crashed peer or a reject sends), a plain destroy otherwise. */
function abort(socket: Socket): void {
  // A socket still connecting has no peer to reset (resetAndDestroy would wait for the connect).
  if (socket.connecting || typeof socket.resetAndDestroy !== 'function') socket.destroy();
  else if (!socket.destroyed) socket.resetAndDestroy();
}

interface PipeContext {
  mode(): ProxyMode;
  forwarded(bytes: number): void;
  dropped(bytes: number): void;
}

/**
 * One direction of a connection. Every chunk goes through a FIFO queue with a due time (0 when
 * passing), so a switch between pass and delay can never reorder bytes, and one timer at the head
 * of the queue replaces a timer per chunk.
 */
class Pipe {
  private queue: Array<{ chunk: Buffer; due: number }> = [];
  private queuedBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private sinkBlocked = false;
  /** The source sent FIN (outside drop); it is passed on once everything before it is written. */
  ended = false;
  private endSent = false;

  constructor(
    private readonly source: Socket,
    private readonly sink: Socket,
    private readonly ctx: PipeContext,
    private readonly hooks: { taint: () => void; fail: () => void },
  ) {
    source.on('data', (chunk: Buffer) => this.onData(chunk));
    source.on('end', () => this.onEnd());
    // Any error (ECONNREFUSED from a target that is down, a reset peer) ends the pair, and the
    // other side learns of it as abruptly: RST.
    source.on('error', () => hooks.fail());
    // Closed without a FIN (destroyed): the other side must not wait for one.
    source.on('close', () => this.ended || sink.destroy());
    sink.on('drain', () => {
      this.sinkBlocked = false;
      this.pump();
    });
  }

  modeChanged(mode: ProxyMode): void {
    // A partition loses what was in flight too.
    if (mode.kind === 'drop' && this.queue.length > 0) {
      this.ctx.dropped(this.queuedBytes);
      this.hooks.taint();
      this.stop();
    }
    // Back to pass: what waited for its delay goes now, still ahead of newer bytes.
    if (mode.kind === 'pass') for (const item of this.queue) item.due = 0;
    this.pump();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue = [];
    this.queuedBytes = 0;
  }

  private onData(chunk: Buffer): void {
    const mode = this.ctx.mode();
    if (mode.kind === 'drop' || mode.kind === 'reset') {
      this.ctx.dropped(chunk.length);
      this.hooks.taint();
      return;
    }
    const due = mode.kind === 'delay' ? performance.now() + mode.delayMs : 0;
    this.queue.push({ chunk, due });
    this.queuedBytes += chunk.length;
    this.pump();
  }

  private onEnd(): void {
    // A FIN lost in a partition is lost like data: the connection is ended when the drop ends.
    if (this.ctx.mode().kind === 'drop') this.hooks.taint();
    else this.ended = true;
    this.pump();
  }

  /** Writes what is due, arms a timer for the rest, and pauses or resumes the reader. */
  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0 && !this.sinkBlocked && !this.sink.destroyed) {
      const head = this.queue[0] as { chunk: Buffer; due: number };
      const wait = head.due - performance.now();
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), wait);
        break;
      }
      this.queue.shift();
      this.queuedBytes -= head.chunk.length;
      this.ctx.forwarded(head.chunk.length);
      if (!this.sink.write(head.chunk)) this.sinkBlocked = true;
    }
    if (this.ended && !this.endSent && this.queue.length === 0) {
      this.endSent = true;
      this.sink.end();
    }
    // Back-pressure: a slow peer slows the sender instead of growing our buffers. A black hole
    // keeps reading, since it throws everything away.
    const hold =
      this.ctx.mode().kind !== 'drop' && (this.sinkBlocked || this.queuedBytes > MAX_QUEUED_BYTES);
    if (hold && !this.source.isPaused()) this.source.pause();
    else if (!hold && this.source.isPaused()) this.source.resume();
  }
}

/** A client connection and its connection to the target. */
class Pair {
  /** Bytes (or a FIN) were dropped: the byte stream is broken and must not resume. */
  tainted = false;
  readonly closed: Promise<void>;
  private readonly pipes: Pipe[];

  constructor(
    readonly client: Socket,
    readonly upstream: Socket,
    ctx: (direction: 'up' | 'down') => PipeContext,
  ) {
    const hooks = { taint: () => (this.tainted = true), fail: () => this.destroy() };
    this.pipes = [
      new Pipe(client, upstream, ctx('up'), hooks),
      new Pipe(upstream, client, ctx('down'), hooks),
    ];
    const gone = (socket: Socket) => new Promise((resolve) => socket.once('close', resolve));
    this.closed = Promise.all([gone(client), gone(upstream)]).then(() =>
      this.pipes.forEach((pipe) => pipe.stop()),
    );
  }

  modeChanged(mode: ProxyMode): void {
    for (const pipe of this.pipes) pipe.modeChanged(mode);
  }

  destroy(): void {
    for (const pipe of this.pipes) pipe.stop();
    abort(this.client);
    abort(this.upstream);
  }
}

export class FaultProxy {
  private current: ProxyMode = { kind: 'pass' };
  private readonly pairs = new Set<Pair>();
  private readonly counters = { connections: 0, bytesUp: 0, bytesDown: 0, dropped: 0 };
  private listeningPort = 0;
  private closing = false;
  // Half-open allowed, so a FIN is forwarded as a FIN rather than closing both ways at once; no
  // Nagle, so the proxy adds no latency of its own to small frames.
  private readonly server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) =>
    this.accept(socket),
  );

  private constructor(private readonly options: FaultProxyOptions) {}

  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = new FaultProxy(options);
    proxy.server.listen(options.listenPort ?? 0, options.listenHost ?? '127.0.0.1');
    await once(proxy.server, 'listening'); // rejects on 'error' (EADDRINUSE, ...)
    // After listening, an accept error (EMFILE, ...) must not crash the runner: that connection
    // is simply lost, as it would be on a real network.
    proxy.server.on('error', () => undefined);
    proxy.listeningPort = (proxy.server.address() as AddressInfo).port;
    return proxy;
  }

  /** The port the proxy listens on: what the node behind it advertises. */
  get port(): number {
    return this.listeningPort;
  }

  get mode(): ProxyMode {
    return { ...this.current };
  }

  /** Applies at once to every open connection and to every later one. */
  setMode(mode: ProxyMode): void {
    if (mode.kind === 'delay' && !(Number.isFinite(mode.delayMs) && mode.delayMs >= 0)) {
      throw new RangeError(`delayMs must be a finite number >= 0, got ${mode.delayMs}`);
    }
    const leavingDrop = this.current.kind === 'drop' && mode.kind !== 'drop';
    this.current = { ...mode };
    for (const pair of [...this.pairs]) {
      // Leaving a drop, a connection that lost bytes is cut rather than resumed: TCP would deliver
      // the later bytes as if the lost ones never existed, and the peer would parse garbage (a
      // HTTP/2 frame header read from the middle of a payload). A real partition long enough to
      // matter ends the same way: the connection times out and the client reconnects.
      if (mode.kind === 'reset' || (leavingDrop && pair.tainted)) pair.destroy();
      else pair.modeChanged(mode);
    }
  }

  get stats(): FaultProxyStats {
    return { ...this.counters, open: this.pairs.size };
  }

  /** Closes the listener and every connection, and waits until they are all gone. */
  async close(): Promise<void> {
    this.closing = true;
    const pairs = [...this.pairs];
    for (const pair of pairs) pair.destroy();
    await Promise.all([
      new Promise<void>((resolve) => this.server.close(() => resolve())),
      ...pairs.map((pair) => pair.closed),
    ]);
  }

  private accept(client: Socket): void {
    this.counters.connections++;
    client.on('error', () => undefined);
    if (this.closing || this.current.kind === 'reset') return abort(client);
    const upstream = connect({
      host: this.options.targetHost,
      port: this.options.targetPort,
      allowHalfOpen: true,
      noDelay: true,
    });
    const pair = new Pair(client, upstream, (direction) => ({
      mode: () => this.current,
      forwarded: (bytes) =>
        direction === 'up' ? (this.counters.bytesUp += bytes) : (this.counters.bytesDown += bytes),
      dropped: (bytes) => (this.counters.dropped += bytes),
    }));
    this.pairs.add(pair);
    void pair.closed.then(() => this.pairs.delete(pair));
  }
}
