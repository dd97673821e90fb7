import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DiskSyncResult {
  /** Appends made: rate × seconds. */
  writes: number;
  writeBytes: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  /** Appends that finished more than 50 ms after they were due. */
  over50ms: number;
}

/** W2's load stores entries of about this size (5 messages of 1 KB per 1 ms batch). */
const WRITE_BYTES = 5_200;
const RATE = 1_000;
const STALL_MS = 50;

/**
 * The disk's own weather: a bare loop of small appends, each fdatasynced, at a fixed rate, in the
 * directory the systems keep their data in, with nothing else of any system doing work. A latency
 * workload acks only after such a sync (Strata and RabbitMQ) or not at all (JetStream by default),
 * so a stall here, with no software in the way, tells whose p99 the disk decided in that minute.
 * Each append's latency is counted from when it was due, as a fixed-rate publisher would see it.
 */
export async function measureDiskSync(seconds: number): Promise<DiskSyncResult> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-disk-probe-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const writes = Math.max(1, Math.round(RATE * seconds));
  const latencies = new Float64Array(writes);
  const payload = Buffer.alloc(WRITE_BYTES, 0x5a);
  // Sleeps between appends without spinning a core: the system under test is idle, not stopped.
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  try {
    const started = performance.now();
    for (let i = 0; i < writes; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) Atomics.wait(sleeper, 0, 0, wait);
      writeSync(fd, payload, 0, WRITE_BYTES, i * WRITE_BYTES);
      fdatasyncSync(fd);
      latencies[i] = performance.now() - due;
    }
  } finally {
    closeSync(fd);
    await rm(dir, { recursive: true, force: true });
  }
  const sorted = latencies.slice().sort();
  const at = (q: number) => sorted[Math.floor(q * (writes - 1))] as number;
  return {
    writes,
    writeBytes: WRITE_BYTES,
    rate: RATE,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[writes - 1] as number,
    over50ms: latencies.filter((l) => l > STALL_MS).length,
  };
}
