import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir, and a way to remove it. */
export async function makeTempDir(
  label: string,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `strata-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
