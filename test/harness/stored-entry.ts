import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Level } from 'level';
import { indexKey, readU64 } from '../../storage-node/server/entry-keys.js';
import {
  FRAME_HEADER,
  offsetOf,
  segmentOf,
} from '../../storage-node/server/entry-log/log-frame.js';
import { segmentFileName } from '../../storage-node/server/entry-log/segment-files.js';

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
  const index = new Level<Buffer, Buffer>(join(dataDir, 'index'), {
    keyEncoding: 'buffer',
    valueEncoding: 'buffer',
  });
  const at = await index.get(indexKey(ledgerId, entryId));
  await index.close();
  if (at === undefined) throw new Error(`entry ${ledgerId}:${entryId} is not indexed`);
  const position = readU64(at, 0);
  const length = at.readUInt32BE(8);
  const file = await open(join(dataDir, 'entry-log', segmentFileName(segmentOf(position))), 'r+');
  try {
    const where = offsetOf(position) + FRAME_HEADER + length - fromEnd;
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, where);
    byte[0] = (byte[0] as number) ^ 0xff;
    await file.write(byte, 0, 1, where);
    await file.sync();
  } finally {
    await file.close();
  }
}
