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

export function parsePositiveInt(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value <= 0 || !Number.isSafeInteger(value)) {
    throw new CommanderArgumentError(`not a positive integer: ${text}`);
  }
  return value;
}

/** A timer's delay in ms: 0 (off) up to what a Node timer takes (about 24.8 days). */
export function parseTimerMs(text: string): number {
  const value = text === '0' ? 0 : parsePositiveInt(text);
  if (value > 2 ** 31 - 1) {
    throw new CommanderArgumentError(`longer than a timer allows (2147483647 ms): ${text}`);
  }
  return value;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** Sizes like 5242880, 512KiB, 5MiB or 1GB. */
export function parseByteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) {
    throw new CommanderArgumentError(`not a size (e.g. 1048576, 512KiB, 5MiB, 1GiB): ${text}`);
  }
  return Math.floor(Number(match[1]) * unit);
}
