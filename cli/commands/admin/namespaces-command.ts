import { Command, Option } from 'commander';
import type { NamespacePolicies } from '../../../sdk/index.js';
import { serviceUrlOption } from '../../client-options.js';
import { parsePositiveInt } from '../../options.js';
import { withAdmin } from './with-admin.js';

interface Flags {
  serviceUrl: string;
  ensembleSize?: number;
  writeQuorum?: number;
  ackQuorum?: number;
}

const persistenceOptions = (command: Command) =>
  command
    .addOption(
      new Option('--ensemble-size <n>', 'storage nodes per ledger (E)').argParser(parsePositiveInt),
    )
    .addOption(
      new Option('--write-quorum <n>', 'copies of each entry (Qw)').argParser(parsePositiveInt),
    )
    .addOption(
      new Option('--ack-quorum <n>', 'copies confirmed before an ack (Qa)').argParser(
        parsePositiveInt,
      ),
    );

/** The persistence flags as policies; undefined when none is given. */
function policiesFrom(flags: Flags): NamespacePolicies | undefined {
  const { ensembleSize, writeQuorum, ackQuorum } = flags;
  if (ensembleSize === undefined && writeQuorum === undefined && ackQuorum === undefined) {
    return undefined;
  }
  // A quorum left out follows the one above it: --ensemble-size 3 alone means E3/Qw3/Qa3.
  const e = ensembleSize ?? writeQuorum ?? ackQuorum ?? 1;
  const w = writeQuorum ?? e;
  const a = ackQuorum ?? w;
  return { persistence: { ensembleSize: e, writeQuorum: w, ackQuorum: a } };
}

export function namespacesCommand(): Command {
  const namespaces = new Command('namespaces').description(
    'create, list and delete namespaces; show and set their policies',
  );
  persistenceOptions(
    namespaces
      .command('create')
      .description('create a namespace (tenant/namespace), optionally with a persistence policy'),
  )
    .argument('<namespace>')
    .addOption(serviceUrlOption())
    .action(async (name: string, flags: Flags) => {
      await withAdmin(flags, (admin) => admin.createNamespace(name, policiesFrom(flags)));
      console.log(`created namespace ${name}`);
    });
  namespaces
    .command('list')
    .description("list a tenant's namespaces")
    .argument('<tenant>')
    .addOption(serviceUrlOption())
    .action(async (tenant: string, flags: Flags) => {
      for (const name of await withAdmin(flags, (admin) => admin.listNamespaces(tenant))) {
        console.log(name);
      }
    });
  namespaces
    .command('delete')
    .description('delete a namespace (it must have no topics)')
    .argument('<namespace>')
    .addOption(serviceUrlOption())
    .action(async (name: string, flags: Flags) => {
      await withAdmin(flags, (admin) => admin.deleteNamespace(name));
      console.log(`deleted namespace ${name}`);
    });
  persistenceOptions(
    namespaces
      .command('policies')
      .description(
        "print a namespace's policies as JSON; with persistence flags, set them first (topics loaded from then on use them)",
      ),
  )
    .argument('<namespace>')
    .addOption(serviceUrlOption())
    .action(async (name: string, flags: Flags) => {
      const policies = policiesFrom(flags);
      const namespace = await withAdmin(flags, (admin) =>
        policies ? admin.setNamespacePolicies(name, policies) : admin.getNamespace(name),
      );
      console.log(JSON.stringify(namespace.policies, null, 2));
    });
  return namespaces;
}
