import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { STRATA_BIN } from '../../deploy/local/strata-roles.js';

const run = promisify(execFile);
const deploy = new URL('../../deploy/', import.meta.url);
const units = readdirSync(new URL('systemd/', deploy)).filter((f) => f.endsWith('.service'));

/** The flags a command's --help lists. */
async function helpFlags(subcommand: string): Promise<Set<string>> {
  const { stdout } = await run(process.execPath, [STRATA_BIN, subcommand, '--help']);
  return new Set(stdout.match(/--[a-z][a-z-]*/g) ?? []);
}

describe('deploy/ stays consistent with the real flags', () => {
  it('has units to check', () => expect(units.length).toBeGreaterThan(0));

  it.each(units)('%s starts a real subcommand with flags it accepts', async (unit) => {
    const text = readFileSync(new URL(`systemd/${unit}`, deploy), 'utf8');
    const execStart = /^ExecStart=(.*)$/m.exec(text)?.[1];
    expect(execStart).toBeDefined();
    const [binary, subcommand, ...args] = (execStart as string).split(/\s+/);
    expect(binary).toMatch(/\/bin\/strata$/);
    const known = await helpFlags(subcommand as string);
    for (const flag of args.filter((a) => a.startsWith('--'))) expect(known, flag).toContain(flag);
  });

  const examples = readdirSync(deploy).filter((f) => f.endsWith('.env.example'));

  it.each(examples)('%s lists only environment variables its command reads', async (example) => {
    const role = example.replace('.env.example', '');
    const { stdout } = await run(process.execPath, [STRATA_BIN, role, '--help']);
    const help = stdout.replace(/\s+/g, ' ');
    const names = [
      ...readFileSync(new URL(example, deploy), 'utf8').matchAll(/^(STRATA_[A-Z_]+)=/gm),
    ].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(help, name).toContain(`env: ${name}`);
  });
});
