import { StrataError } from '../services/common/errors.js';

/**
 * A failed command is one line on stderr (the error's code and message), never a stack trace,
 * unless the user asked for `--debug`.
 */
export function reportFailure(error: unknown, debug: boolean): void {
  if (debug) {
    console.error(error);
    return;
  }
  let message = (error instanceof Error ? error.message : String(error)).split('\n')[0] as string;
  // grpc-js words a refused connection for its own logs; say what it means here.
  message = message.replace(/\s*Resolution note:\s*$/, '').replace(/Error: /g, '');
  const code = error instanceof StrataError ? error.code : undefined;
  if (code === 'UNAVAILABLE') message = `cannot reach the service: ${message}`;
  console.error(`strata: error: ${message}${code ? ` [${code}]` : ''}`);
}
