import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export const LOG_LEVELS: readonly LevelWithSilent[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** JSON lines on stdout; each role names itself so merged logs stay readable. */
export function createLogger(role: string, level: LevelWithSilent = 'info'): Logger {
  return pino({ level, base: { role, pid: process.pid } });
}
