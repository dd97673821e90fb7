import { fileURLToPath } from 'node:url';
import { TestProcess, type ProcessGroup } from './child-process.js';

export const STRATA_BIN = fileURLToPath(new URL('../../bin/strata', import.meta.url));

export interface MetadataProcess {
  process: TestProcess;
  port: number;
  url: string;
}

/** Starts `bin/strata metadata` on a random loopback port (or the given one, for a restart). */
export async function startMetadataProcess(
  group: ProcessGroup,
  dataDir: string,
  port = 0,
): Promise<MetadataProcess> {
  const process = group.add(
    new TestProcess('metadata', globalThis.process.execPath, [
      STRATA_BIN,
      'metadata',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--log-level',
      'info',
    ]),
  );
  const line = await process.waitForLine((l) => l.msg === 'metadata service listening');
  const bound = Number(line.port);
  return { process, port: bound, url: `strata://127.0.0.1:${bound}` };
}
