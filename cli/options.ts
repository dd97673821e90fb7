import { InvalidArgumentError as CommanderArgumentError, Option } from 'commander';
import { LOG_LEVELS } from '../services/common/logger.js';

// Every option can also come from a STRATA_* environment variable; commander applies the
// precedence flag > environment > default.

export function logLevelOption(): Option {
  return new Option('--log-level <level>', 'log level')
    .choices(LOG_LEVELS)
    .env('STRATA_LOG_LEVEL')
    .default('info');
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new CommanderArgumentError(`not a port number (0-65535): ${text}`);
  }
  return port;
}

export function portOption(
  flags: string,
  description: string,
  env: string,
  fallback: number,
): Option {
  return new Option(flags, description).env(env).argParser(parsePort).default(fallback);
}
