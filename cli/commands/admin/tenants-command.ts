import { Command } from 'commander';
import { serviceUrlOption } from '../../client-options.js';
import { withAdmin } from './with-admin.js';

interface Flags {
  serviceUrl: string;
}

export function tenantsCommand(): Command {
  const tenants = new Command('tenants').description('create, list and delete tenants');
  tenants
    .command('create')
    .description('create a tenant')
    .argument('<tenant>')
    .addOption(serviceUrlOption())
    .action(async (name: string, flags: Flags) => {
      await withAdmin(flags, (admin) => admin.createTenant(name));
      console.log(`created tenant ${name}`);
    });
  tenants
    .command('list')
    .description('list the tenants')
    .addOption(serviceUrlOption())
    .action(async (flags: Flags) => {
      for (const name of await withAdmin(flags, (admin) => admin.listTenants())) console.log(name);
    });
  tenants
    .command('delete')
    .description('delete a tenant (it must have no namespaces)')
    .argument('<tenant>')
    .addOption(serviceUrlOption())
    .action(async (name: string, flags: Flags) => {
      await withAdmin(flags, (admin) => admin.deleteTenant(name));
      console.log(`deleted tenant ${name}`);
    });
  return tenants;
}
