import { Command, CommanderError } from 'commander';
import { gatewayCommand } from './commands/gateway-command.js';
import { metadataCommand } from './commands/metadata-command.js';
import { standaloneCommand } from './commands/standalone-command.js';
import { storageNodeCommand } from './commands/storage-node-command.js';
import { reportFailure } from './report-failure.js';

const program = new Command('strata')
  .description('Strata: a message service with compute and storage kept apart')
  .option('--debug', 'print stack traces of errors')
  .exitOverride()
  .addCommand(standaloneCommand())
  .addCommand(metadataCommand())
  .addCommand(storageNodeCommand())
  .addCommand(gatewayCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has printed its own one-line message (unknown command, missing option...).
  if (error instanceof CommanderError) process.exit(error.exitCode);
  reportFailure(error, process.argv.includes('--debug'));
  process.exit(1);
}
