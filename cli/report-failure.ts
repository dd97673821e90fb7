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
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof StrataError ? ` [${error.code}]` : '';
  console.error(`strata: error: ${message.split('\n')[0]}${code}`);
}
