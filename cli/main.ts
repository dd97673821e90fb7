import { Command, CommanderError } from 'commander';
import { gatewayCommand } from './commands/gateway-command.js';
import { metadataCommand } from './commands/metadata-command.js';
import { perfCommand } from './commands/perf/perf-command.js';
import { standaloneCommand } from './commands/standalone-command.js';
import { storageNodeCommand } from './commands/storage-node-command.js';
import { reportFailure } from './report-failure.js';
import { clusterCommand } from './commands/cluster-command.js';
import { namespacesCommand } from './commands/admin/namespaces-command.js';
import { tenantsCommand } from './commands/admin/tenants-command.js';
import { topicsCommand } from './commands/admin/topics-command.js';
import { consumeCommand } from './commands/client/consume-command.js';
import { produceCommand } from './commands/client/produce-command.js';

const program = new Command('strata')
  .description('Strata: a message service with compute and storage kept apart')
  .option('--debug', 'print stack traces of errors')
  .exitOverride()
  .addCommand(standaloneCommand())
  .addCommand(metadataCommand())
  .addCommand(storageNodeCommand())
  .addCommand(gatewayCommand())
  .addCommand(produceCommand())
  .addCommand(consumeCommand())
  .addCommand(topicsCommand())
  .addCommand(tenantsCommand())
  .addCommand(namespacesCommand())
  .addCommand(perfCommand())
  .addCommand(clusterCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has printed its own one-line message (unknown command, missing option...).
  if (error instanceof CommanderError) process.exit(error.exitCode);
  reportFailure(error, process.argv.includes('--debug'));
  process.exit(1);
}
