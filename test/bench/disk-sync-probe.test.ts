import { describe, expect, it } from 'vitest';
import { measureDiskSync } from '../../bench/limits/disk-sync-probe.js';

describe('disk sync probe', () => {
  it('makes rate × seconds synced appends, paced, and orders its figures', async () => {
    const started = performance.now();
    const probe = await measureDiskSync(0.3);
    const elapsedMs = performance.now() - started;
    expect(probe.writes).toBe(300);
    expect(probe.rate).toBe(1_000);
    // Paced at 1,000/s: 300 appends cannot finish much before 300 ms.
    expect(elapsedMs).toBeGreaterThanOrEqual(299);
    expect(probe.p50).toBeGreaterThanOrEqual(0);
    expect(probe.p99).toBeGreaterThanOrEqual(probe.p50);
    expect(probe.max).toBeGreaterThanOrEqual(probe.p99);
    expect(probe.over50ms).toBeLessThanOrEqual(probe.writes);
  });

  it("leaves the caller's event loop free while it runs", async () => {
    // A blocked loop would run none of these ticks until the probe ended.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    try {
      await measureDiskSync(0.5);
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThanOrEqual(10);
  });
});
