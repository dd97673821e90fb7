import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Where Linux's default ephemeral range starts, for when /proc does not say. */
const DEFAULT_EPHEMERAL_LOW = 32768;
/** How many ports below the ephemeral range to pick from. */
const SPAN = 12_000;
const ATTEMPTS = 50;

/** The lowest port the kernel hands out as the source port of an outgoing connection. */
function ephemeralLow(): number {
  try {
    const low = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0],
    );
    if (low > 0) return low;
  } catch {
    // Not Linux: assume its default.
  }
  return DEFAULT_EPHEMERAL_LOW;
}

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A loopback port that was free a moment ago, for programs that cannot bind port 0 themselves.
 * It is picked below the ephemeral range: a port from port 0 lies inside it, and by the time its
 * program listens the kernel may have given it to some outgoing connection as its source port (a
 * chaos run's gateway once failed with EADDRINUSE that way, its peers connecting all around it).
 */
export async function freePort(): Promise<number> {
  const low = ephemeralLow();
  const floor = Math.max(1024, low - SPAN);
  for (let attempt = 0; attempt < ATTEMPTS && floor < low; attempt++) {
    const candidate = floor + Math.floor(Math.random() * (low - floor));
    const bound = await tryListen(candidate);
    if (bound !== undefined) return bound;
  }
  const bound = await tryListen(0);
  if (bound === undefined) throw new Error('no free loopback port');
  return bound;
}

/**
 * Hands out ports from `freePort()`, never the same one twice. Two calls to `freePort()` may return
 * one port (each was free when it was probed), and nothing listens on a port until its program
 * starts: a chaos run's storage node once failed with EADDRINUSE because its port had also been
 * picked for one of the fault proxies, which listened first. Everything one run starts should take
 * its ports from one picker.
 */
export class FreePorts {
  private readonly handedOut = new Set<number>();

  async next(): Promise<number> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const port = await freePort();
      if (!this.handedOut.has(port)) {
        this.handedOut.add(port);
        return port;
      }
    }
    throw new Error('no loopback port free that was not handed out already');
  }

  async take(count: number): Promise<number[]> {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) ports.push(await this.next());
    return ports;
  }
}
