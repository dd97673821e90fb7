import { afterAll, expect, it } from 'vitest';
import { ProcessGroup, ManagedProcess } from '../deploy/local/managed-process.js';
import { freePort } from '../deploy/local/free-port.js';
import { STRATA_BIN } from '../deploy/local/strata-roles.js';
import { makeTempDir } from './harness/temp-dir.js';

const group = new ProcessGroup();
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await group.stopAll();
  for (const cleanup of cleanups) await cleanup();
});

async function listeningPort(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ port: number; process: ManagedProcess }> {
  const dir = await makeTempDir('cli-config');
  cleanups.push(dir.remove);
  const process = group.add(
    new ManagedProcess(
      'metadata',
      globalThis.process.execPath,
      [STRATA_BIN, 'metadata', '--data-dir', dir.path, ...args],
      env,
    ),
  );
  const line = await process.waitForLine((l) => l.msg === 'metadata service listening');
  return { port: Number(line.port), process };
}

it('takes a setting from STRATA_* when no flag is given', async () => {
  const port = await freePort();
  const { port: bound } = await listeningPort([], {
    STRATA_METADATA_PORT: String(port),
    STRATA_LOG_LEVEL: 'info',
  });
  expect(bound).toBe(port);
});

it('lets a flag win over the environment', async () => {
  const envPort = await freePort();
  const flagPort = await freePort();
  const { port: bound, process } = await listeningPort(
    ['--port', String(flagPort), '--log-level', 'debug'],
    {
      STRATA_METADATA_PORT: String(envPort),
      STRATA_LOG_LEVEL: 'error',
    },
  );
  expect(bound).toBe(flagPort);
  // --log-level debug beat STRATA_LOG_LEVEL=error: the info line was printed at all.
  expect(process.lines.some((l) => l.level === 30)).toBe(true);
});

it('uses the environment log level, which can silence info lines', async () => {
  const dir = await makeTempDir('cli-config-quiet');
  cleanups.push(dir.remove);
  const quiet = group.add(
    new ManagedProcess(
      'metadata',
      process.execPath,
      [STRATA_BIN, 'metadata', '--port', '0', '--data-dir', dir.path],
      {
        STRATA_LOG_LEVEL: 'warn',
      },
    ),
  );
  // Nothing at info: the process is up (it answers a signal with a clean exit) but said nothing.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(quiet.running).toBe(true);
  expect(quiet.lines.filter((l) => Number(l.level) < 40)).toEqual([]);
  await quiet.stop();
  expect((await quiet.exited).code).toBe(0);
});
