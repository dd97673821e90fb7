import { join } from 'node:path';
import { Level } from 'level';
import { indexKey, positionKey, readU64 } from '../../storage-node/server/entry-keys.js';

const open = (path: string) =>
  new Level<Buffer, Buffer>(path, { keyEncoding: 'buffer', valueEncoding: 'buffer' });

/**
 * Flips one byte of an entry's stored record, `fromEnd` bytes before its end (in the payload), in
 * a stopped node's data directory: found through its index, as the node finds it.
 */
export async function damageStoredEntry(
  dataDir: string,
  ledgerId: number,
  entryId: number,
  fromEnd: number,
): Promise<void> {
  const index = open(join(dataDir, 'index'));
  const at = await index.get(indexKey(ledgerId, entryId));
  await index.close();
  if (at === undefined) throw new Error(`entry ${ledgerId}:${entryId} is not indexed`);
  const entries = open(join(dataDir, 'entries'));
  try {
    const key = positionKey(readU64(at, 0));
    const record = await entries.get(key);
    if (record === undefined) throw new Error(`entry ${ledgerId}:${entryId} is not in the log`);
    record[record.length - fromEnd] = (record[record.length - fromEnd] as number) ^ 0xff;
    await entries.put(key, record, { sync: true });
  } finally {
    await entries.close();
  }
}
