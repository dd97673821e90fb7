import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatewayRole, metadataRole, storageNodeRole } from '../../deploy/local/cluster-roles.js';
import { ManagedProcess, ProcessGroup } from '../../deploy/local/managed-process.js';
import {
  STRATA_BIN,
  STRATA_NODE_FLAGS,
  startMetadataProcess,
} from '../../deploy/local/strata-roles.js';
import { PACKAGE_ROOT } from '../../proto/load.js';
import { makeTempDir } from '../harness/temp-dir.js';

const group = new ProcessGroup();
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await group.stopAll();
  for (const cleanup of cleanups) await cleanup();
});

/** The argv of a running process, as the kernel holds it (Linux). */
async function commandLine(pid: number): Promise<string[]> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
  return raw.split('\0').filter((arg) => arg.length > 0);
}

/** Node's own flags in an argv: those between the executable and the script. */
function nodeFlags(argv: string[], script: string): string[] {
  const scriptAt = argv.indexOf(script);
  expect(scriptAt, argv.join(' ')).toBeGreaterThan(0);
  return argv.slice(1, scriptAt);
}

// Node refuses these V8 flags in NODE_OPTIONS, so each way of starting a server carries them.
describe('every way of starting a Strata server runs Node with STRATA_NODE_FLAGS', () => {
  it('names at least one flag', () => expect(STRATA_NODE_FLAGS.length).toBeGreaterThan(0));

  it("bin/strata's first line", () => {
    const shebang = readFileSync(STRATA_BIN, 'utf8').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${STRATA_NODE_FLAGS.join(' ')}`);
  });

  it('npm start', () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe(`node ${STRATA_NODE_FLAGS.join(' ')} bin/strata standalone`);
  });

  it('bin/strata run as an executable (as the systemd units do) reaches Node with them', async () => {
    const dir = await makeTempDir('node-flags-exec');
    cleanups.push(dir.remove);
    const server = group.add(
      new ManagedProcess('metadata', STRATA_BIN, [
        'metadata',
        '--port',
        '0',
        '--data-dir',
        dir.path,
      ]),
    );
    await server.waitForLine((l) => l.msg === 'metadata service listening');
    const argv = await commandLine(server.pid);
    expect(nodeFlags(argv, STRATA_BIN)).toEqual(STRATA_NODE_FLAGS);
  });

  it('`strata cluster` roles', () => {
    const quorums = { ensembleSize: 3, writeQuorum: 3, ackQuorum: 2 };
    const roles = [
      metadataRole('/c', 6600),
      storageNodeRole('/c', 1, 3181, 'strata://127.0.0.1:6600', []),
      gatewayRole('/c', 1, { port: 6650, httpPort: 8080 }, 'strata://127.0.0.1:6600', quorums, []),
    ];
    for (const role of roles) {
      expect(role.command, role.id).toBe(process.execPath);
      expect(nodeFlags([role.command, ...role.args], STRATA_BIN), role.id).toEqual(
        STRATA_NODE_FLAGS,
      );
    }
  });

  it('the local launchers (tests, bench)', async () => {
    const dir = await makeTempDir('node-flags-launcher');
    cleanups.push(dir.remove);
    const metadata = await startMetadataProcess(group, dir.path);
    const argv = await commandLine(metadata.process.pid);
    expect(nodeFlags(argv, STRATA_BIN)).toEqual(STRATA_NODE_FLAGS);
  });
});
