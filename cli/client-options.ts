import { Option } from 'commander';

/** The gateways a client command talks to: any one answers lookups and admin calls. */
export function serviceUrlOption(): Option {
  return new Option('--service-url <host:port[,host:port...]>', 'gateways to connect to')
    .env('STRATA_SERVICE_URL')
    .default('127.0.0.1:6650');
}
