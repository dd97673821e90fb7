import { afterAll, beforeAll, expect, it } from 'vitest';
import { ProcessGroup } from '../../deploy/local/managed-process.js';
import { startStandaloneProcess, type StandaloneProcess } from '../../deploy/local/strata-roles.js';
import { freePort } from '../../deploy/local/free-port.js';
import { runStrata, type CliResult } from '../harness/run-strata.js';
import { makeTempDir } from '../harness/temp-dir.js';

const group = new ProcessGroup();
let standalone: StandaloneProcess;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  const dir = await makeTempDir('cli-errors');
  removeDir = dir.remove;
  standalone = await startStandaloneProcess(group, { dataDir: dir.path });
});

afterAll(async () => {
  await group.stopAll();
  await removeDir?.();
});

/** One line on stderr that matches, nothing on stdout, no stack trace, a non-zero exit. */
function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

it('an unknown command', async () => {
  expectOneLineError(await runStrata(['frobnicate']), /unknown command 'frobnicate'/);
});

it('consume without a subscription', async () => {
  expectOneLineError(
    await runStrata(['consume', 'demo', '--service-url', standalone.serviceUrl]),
    /required option '-s, --subscription <name>' not specified/,
  );
});

it('a bad topic name, a bad subscription name, an unknown topic', async () => {
  const url = ['--service-url', standalone.serviceUrl];
  expectOneLineError(
    await runStrata(['produce', 'a/b', '-m', 'x', ...url]),
    /^strata: error: invalid topic name "a\/b".*\[INVALID_ARGUMENT\]$/,
  );
  expectOneLineError(
    await runStrata(['consume', 'demo', '-s', 'bad name!', ...url]),
    /invalid subscription name "bad name!" \[INVALID_ARGUMENT\]$/,
  );
  expectOneLineError(
    await runStrata(['topics', 'stats', 'never-made', ...url]),
    /topic persistent:\/\/public\/default\/never-made does not exist \[NOT_FOUND\]$/,
  );
  expectOneLineError(
    await runStrata(['produce', 'persistent://nobody/ns/t', '-m', 'x', ...url]),
    /namespace nobody\/ns does not exist \[NOT_FOUND\]$/,
  );
});

it('bad flag values', async () => {
  expectOneLineError(
    await runStrata(['produce', 'demo', '-n', 'many']),
    /option '-n, --count <count>' argument 'many' is invalid/,
  );
  expectOneLineError(
    await runStrata(['consume', 'demo', '-s', 's', '-t', 'round_robin']),
    /argument 'round_robin' is invalid/,
  );
  expectOneLineError(
    await runStrata(['storage-node', '--gc-interval-ms', '2147483648']),
    /longer than a timer allows \(2147483647 ms\): 2147483648/,
  );
});

it('an unreachable service, for messaging and for admin', async () => {
  const closed = `127.0.0.1:${await freePort()}`;
  expectOneLineError(
    await runStrata(['produce', 'demo', '-m', 'x', '--service-url', closed]),
    /^strata: error: cannot reach the service: .*\[UNAVAILABLE\]$/,
  );
  expectOneLineError(
    await runStrata(['tenants', 'list', '--service-url', closed]),
    /^strata: error: cannot reach the service: .*\[UNAVAILABLE\]$/,
  );
});

it('--debug shows the stack trace', async () => {
  const result = await runStrata([
    'topics',
    'stats',
    'never-made',
    '--debug',
    '--service-url',
    standalone.serviceUrl,
  ]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/NOT_FOUND/);
  expect(result.stderr).toMatch(/\n\s+at /);
});
