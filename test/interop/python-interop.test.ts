import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startStandaloneProcess } from '../../deploy/local/strata-roles.js';
import { makeTempDir } from '../harness/temp-dir.js';

// The API must be usable from any language: a Python gRPC client, generated from the .proto files
// at run time, drives a real standalone server. No TypeScript on the client side.

const SCRIPT = fileURLToPath(new URL('./python/strata_interop.py', import.meta.url));
const PROTO_DIR = fileURLToPath(new URL('../../proto', import.meta.url));
const SCRIPT_TIMEOUT_MS = 90_000;

const group = new ProcessGroup();
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await group.stopAll();
  for (const cleanup of cleanups) await cleanup();
});

/** The first interpreter that has grpc and grpc_tools; CI installs Debian's into /usr/bin/python3. */
function findPython(): string {
  const candidates = [process.env.STRATA_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (c): c is string => Boolean(c),
  );
  const tried: string[] = [];
  for (const candidate of new Set(candidates)) {
    const probe = spawnSync(candidate, ['-c', 'import grpc, grpc_tools'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (probe.status === 0) return candidate;
    const why = probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? '';
    tried.push(`${candidate}: ${why}`);
  }
  // Never a silent skip: CI installs them (.ci/run), so their absence is a broken setup.
  throw new Error(
    'No Python interpreter can `import grpc, grpc_tools`; install python3-grpcio and ' +
      `python3-grpc-tools, or set STRATA_PYTHON. Tried:\n  ${tried.join('\n  ')}`,
  );
}

function runScript(
  python: string,
  args: string[],
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [SCRIPT, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: SCRIPT_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

it(
  'a Python gRPC client looks up, produces 1,000 messages and consumes them back with acks',
  async () => {
    const python = findPython();
    const dataDir = await makeTempDir('python-interop-data');
    cleanups.push(dataDir.remove);
    const outDir = await makeTempDir('python-interop-gen');
    cleanups.push(outDir.remove);
    const standalone = await startStandaloneProcess(group, { dataDir: dataDir.path });

    const result = await runScript(python, [
      standalone.serviceUrl,
      'python-interop',
      '--out-dir',
      outDir.path,
      '--proto-dir',
      PROTO_DIR,
    ]);
    const context = `exit ${result.code} (signal ${result.signal})\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
    expect(result.code, context).toBe(0);

    const summary = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as Record<
      string,
      unknown
    >;
    expect(summary).toMatchObject({
      produced: 1000,
      consumed: 1000,
      acked: 1000,
      batches: 10,
      redelivered: 0,
      topic: 'persistent://public/default/python-interop',
    });
  },
  SCRIPT_TIMEOUT_MS + 30_000,
);
