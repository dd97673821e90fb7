import { Option } from 'commander';
import { parsePositiveInt } from './options.js';

/** The gateways a client command talks to: any one answers lookups and admin calls. */
export function serviceUrlOption(): Option {
  return new Option('--service-url <host:port[,host:port...]>', 'gateways to connect to')
    .env('STRATA_SERVICE_URL')
    .default('127.0.0.1:6650');
}

/** How long connecting may take before the command gives up. */
export function timeoutOption(): Option {
  return new Option('--timeout <ms>', 'give up connecting after this many milliseconds')
    .env('STRATA_TIMEOUT_MS')
    .argParser(parsePositiveInt)
    .default(10_000);
}

/** For repeatable options: `-m a -m b` → ['a', 'b']. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
