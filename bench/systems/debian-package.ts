import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Makes sure a peer's program is there, installing its Debian package when it is not: the harness
 * must run on a fresh machine with nothing but Node and the package archive.
 */
export async function ensureDebianPackage(program: string, debianPackage: string): Promise<string> {
  const found = await locate(program);
  if (found) return found;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = async (...args: string[]) => {
    const [command, ...rest] = [...sudo, 'apt-get', ...args];
    await run(command as string, rest, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      maxBuffer: 64 * 1024 * 1024,
    });
  };
  await apt('update');
  await apt('install', '-y', debianPackage);
  const installed = await locate(program);
  if (!installed) throw new Error(`${debianPackage} was installed but ${program} is not on PATH`);
  return installed;
}

async function locate(program: string): Promise<string | undefined> {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/lib/rabbitmq/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const path = `${dir}/${program}`;
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
