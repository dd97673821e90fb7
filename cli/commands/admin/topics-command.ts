import { Command, Option } from 'commander';
import { serviceUrlOption } from '../../client-options.js';
import { withAdmin } from './with-admin.js';

interface Flags {
  serviceUrl: string;
  partitions?: number;
  force?: boolean;
}

function parsePartitions(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) {
    throw new Error(`not a partition count (1 or more): ${text}`);
  }
  return value;
}

export function topicsCommand(): Command {
  const topics = new Command('topics').description('create, list, inspect and delete topics');
  topics
    .command('create')
    .description('create a topic; with --partitions, a partitioned topic')
    .argument('<topic>')
    .addOption(
      new Option('-p, --partitions <n>', 'number of partitions').argParser(parsePartitions),
    )
    .addOption(serviceUrlOption())
    .action(async (topic: string, flags: Flags) => {
      const created = await withAdmin(flags, (admin) =>
        admin.createTopic(topic, flags.partitions ?? 0),
      );
      const partitions = created.partitions ? ` with ${created.partitions} partitions` : '';
      console.log(`created topic ${created.name}${partitions}`);
    });
  topics
    .command('list')
    .description("list a namespace's topics (a partitioned topic once, with its partition count)")
    .argument('<namespace>', 'tenant/namespace')
    .addOption(serviceUrlOption())
    .action(async (namespace: string, flags: Flags) => {
      for (const topic of await withAdmin(flags, (admin) => admin.listTopics(namespace))) {
        console.log(
          topic.partitions ? `${topic.name} (${topic.partitions} partitions)` : topic.name,
        );
      }
    });
  topics
    .command('stats')
    .description(
      "print a topic's stats as JSON: rates, backlog, subscriptions, consumers, storage size, ledgers",
    )
    .argument('<topic>')
    .addOption(serviceUrlOption())
    .action(async (topic: string, flags: Flags) => {
      const stats = await withAdmin(flags, (admin) => admin.topicStats(topic));
      console.log(JSON.stringify(stats, null, 2));
    });
  topics
    .command('delete')
    .description('delete a topic, its subscriptions and its data')
    .argument('<topic>')
    .option('-f, --force', 'disconnect its producers and consumers instead of refusing')
    .addOption(serviceUrlOption())
    .action(async (topic: string, flags: Flags) => {
      await withAdmin(flags, (admin) => admin.deleteTopic(topic, { force: flags.force }));
      console.log(`deleted topic ${topic}`);
    });
  return topics;
}
