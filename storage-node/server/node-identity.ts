import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The node id lives in the data dir: a node restarted on its data comes back as the same node, so
 * ledger metadata that names it still finds its entries.
 */
export async function loadNodeId(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'node-id');
  try {
    const id = (await readFile(file, 'utf8')).trim();
    if (/^[A-Za-z0-9-]{1,64}$/.test(id)) return id;
    throw new Error(`${file} holds a malformed node id`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const id = `node-${randomUUID()}`;
  await writeFile(`${file}.tmp`, id + '\n', { flag: 'w' });
  await rename(`${file}.tmp`, file);
  return id;
}
