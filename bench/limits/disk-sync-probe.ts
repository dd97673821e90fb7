import type * as nodeFs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

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

interface LoopInput {
  path: string;
  writes: number;
  rate: number;
  writeBytes: number;
}

/**
 * The paced loop itself, in plain synchronous calls so nothing but the disk sits between an
 * append and its sync. It runs in a worker (as source: see measureDiskSync), so it takes what it
 * needs as arguments rather than imports.
 */
function appendAndSyncLoop(fs: typeof nodeFs, input: LoopInput): Float64Array {
  const latencies = new Float64Array(input.writes);
  const payload = Buffer.alloc(input.writeBytes, 0x5a);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const fd = fs.openSync(input.path, 'w');
  try {
    const started = performance.now();
    for (let i = 0; i < input.writes; i++) {
      const due = started + (i * 1000) / input.rate;
      const wait = due - performance.now();
      if (wait > 0) Atomics.wait(sleeper, 0, 0, wait);
      fs.writeSync(fd, payload, 0, input.writeBytes, i * input.writeBytes);
      fs.fdatasyncSync(fd);
      latencies[i] = performance.now() - due;
    }
  } finally {
    fs.closeSync(fd);
  }
  return latencies;
}

/**
 * The disk's own weather: a bare loop of small appends, each fdatasynced, at a fixed rate, in the
 * directory the systems keep their data in, with nothing else of any system doing work. A latency
 * workload acks only after such a sync (Strata and RabbitMQ) or not at all (JetStream by default),
 * so a stall here, with no software in the way, tells whose p99 the disk decided in that minute.
 * Each append's latency is counted from when it was due, as a fixed-rate publisher would see it.
 *
 * The loop runs in a worker thread: blocking the bench's own event loop for seconds would leave the
 * idle system's client unable to answer its keepalives, and its next workload would start with a
 * reconnect. The worker is given the loop's source, which works the same from `dist/` and from
 * the TypeScript that the tests load.
 */
export async function measureDiskSync(seconds: number): Promise<DiskSyncResult> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-disk-probe-'));
  const input: LoopInput = {
    path: join(dir, 'probe'),
    writes: Math.max(1, Math.round(RATE * seconds)),
    rate: RATE,
    writeBytes: WRITE_BYTES,
  };
  try {
    const latencies = await new Promise<Float64Array>((resolve, reject) => {
      const source = `const { parentPort, workerData } = require('node:worker_threads');
        parentPort.postMessage((${appendAndSyncLoop.toString()})(require('node:fs'), workerData));`;
      const worker = new Worker(source, { eval: true, workerData: input });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`disk probe worker exited with ${code}`)));
    });
    return summarize(latencies, input);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function summarize(latencies: Float64Array, input: LoopInput): DiskSyncResult {
  const sorted = latencies.slice().sort();
  const at = (q: number) => sorted[Math.floor(q * (input.writes - 1))] as number;
  return {
    writes: input.writes,
    writeBytes: input.writeBytes,
    rate: input.rate,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[input.writes - 1] as number,
    over50ms: latencies.filter((l) => l > STALL_MS).length,
  };
}
