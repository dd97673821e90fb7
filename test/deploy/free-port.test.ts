import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { FreePorts, freePort } from '../../deploy/local/free-port.js';

it('picks loopback ports below the kernel ephemeral range, free to listen on', async () => {
  const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(1024);
    // Outgoing connections take their source ports from the ephemeral range, never from here.
    expect(port).toBeLessThan(low as number);
  }
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ports[0], '127.0.0.1', resolve);
  });
  await new Promise((resolve) => server.close(resolve));
});

it('FreePorts never hands out one port twice, where freePort() alone may', async () => {
  // 300 picks from about 12,000 ports: freePort() alone repeats one about 4 times in such a run.
  const ports = await new FreePorts().take(300);
  expect(new Set(ports).size).toBe(300);
});
