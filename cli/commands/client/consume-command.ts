import { Command, Option } from 'commander';
import {
  createClient,
  formatMessageId,
  type ReceivedMessage,
  type SubscriptionType,
} from '../../../sdk/index.js';
import { serviceUrlOption, timeoutOption } from '../../client-options.js';
import { parsePositiveInt } from '../../options.js';

interface ConsumeFlags {
  subscription: string;
  type: SubscriptionType;
  count: number;
  earliest?: boolean;
  verbose?: boolean;
  serviceUrl: string;
  timeout: number;
}

function describe(message: ReceivedMessage, verbose: boolean): string {
  const payload = message.payload.toString('utf8');
  if (!verbose) return payload;
  const properties = Object.keys(message.properties).length
    ? ` properties=${JSON.stringify(message.properties)}`
    : '';
  const key = message.key ? ` key=${JSON.stringify(message.key)}` : '';
  return `id=${formatMessageId(message.id)}${key}${properties} payload=${payload}`;
}

export function consumeCommand(): Command {
  return new Command('consume')
    .description('receive messages of a subscription: print each, acknowledge it')
    .argument('<topic>', 'topic name (persistent://tenant/namespace/topic, or a bare name)')
    .requiredOption('-s, --subscription <name>', 'subscription name')
    .addOption(
      new Option('-t, --type <type>', 'subscription type')
        .choices(['exclusive', 'shared', 'failover', 'key_shared'])
        .default('exclusive'),
    )
    .addOption(
      new Option('-n, --count <count>', 'exit after this many messages (0: run until Ctrl-C)')
        .argParser((text) => (text === '0' ? 0 : parsePositiveInt(text)))
        .default(0),
    )
    .option('--earliest', 'a new subscription starts at the oldest message (default: the next one)')
    .option('-v, --verbose', 'print each message id, key and properties too')
    .addOption(serviceUrlOption())
    .addOption(timeoutOption())
    .action(async (topic: string, flags: ConsumeFlags) => {
      const client = createClient({
        serviceUrl: flags.serviceUrl,
        operationTimeoutMs: flags.timeout,
      });
      const stop = () => void client.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const consumer = await client.subscribe({
          topic,
          subscription: flags.subscription,
          type: flags.type,
          initialPosition: flags.earliest ? 'earliest' : 'latest',
        });
        let received = 0;
        for await (const message of consumer) {
          process.stdout.write(`${describe(message, flags.verbose ?? false)}\n`);
          message.ack();
          if (++received === flags.count) break;
        }
      } finally {
        // Closing sends the acks still batched.
        await client.close();
      }
    });
}
