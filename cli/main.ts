import { Command } from 'commander';
import { gatewayCommand } from './commands/gateway-command.js';
import { metadataCommand } from './commands/metadata-command.js';
import { standaloneCommand } from './commands/standalone-command.js';
import { storageNodeCommand } from './commands/storage-node-command.js';

const program = new Command('strata')
  .description('Strata: a message service with compute and storage kept apart')
  .showHelpAfterError()
  .addCommand(standaloneCommand())
  .addCommand(metadataCommand())
  .addCommand(storageNodeCommand())
  .addCommand(gatewayCommand());

await program.parseAsync(process.argv);
