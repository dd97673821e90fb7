import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  createClient,
  formatMessageId,
  type MessageId,
  type Producer,
} from '../../../sdk/index.js';
import { collect, serviceUrlOption, timeoutOption } from '../../client-options.js';
import { parseByteSize, parsePositiveInt } from '../../options.js';

interface ProduceFlags {
  message?: string[];
  count?: number;
  size: number;
  key?: string;
  property?: string[];
  serviceUrl: string;
  timeout: number;
}

/** Sends at most this many generated messages before waiting for their receipts. */
const WINDOW = 5_000;

function parseProperties(pairs: string[] = []): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InvalidArgumentError(`property must be key=value: ${pair}`);
    properties[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return properties;
}

/** A printable payload of exactly `size` bytes that says which message it is. */
function generated(index: number, size: number): Buffer {
  const label = `message-${index} `;
  const payload = Buffer.alloc(size, '.');
  payload.write(label.slice(0, size));
  return payload;
}

async function sendGenerated(producer: Producer, flags: ProduceFlags, count: number) {
  const properties = parseProperties(flags.property);
  const started = performance.now();
  for (let from = 0; from < count; from += WINDOW) {
    const sends: Array<Promise<MessageId>> = [];
    for (let i = from; i < Math.min(count, from + WINDOW); i++) {
      sends.push(producer.send({ payload: generated(i, flags.size), key: flags.key, properties }));
    }
    await Promise.all(sends);
  }
  const seconds = (performance.now() - started) / 1000;
  const megabytes = (count * flags.size) / 1e6;
  console.log(
    `produced ${count} messages of ${flags.size} bytes (${megabytes.toFixed(1)} MB) to ${producer.topic} in ${seconds.toFixed(2)} s: ${Math.round(count / seconds)} msg/s`,
  );
}

async function sendLines(producer: Producer, flags: ProduceFlags, lines: AsyncIterable<string>) {
  const properties = parseProperties(flags.property);
  for await (const line of lines) {
    // One at a time, so each id prints as its message is stored, in order.
    const id = await producer.send({ payload: line, key: flags.key, properties });
    console.log(formatMessageId(id));
  }
}

async function* fromArray(values: string[]): AsyncIterable<string> {
  yield* values;
}

export function produceCommand(): Command {
  return new Command('produce')
    .description(
      'send messages: each -m, or -n generated ones, or standard input line by line; prints each message id (or a summary for -n)',
    )
    .argument('<topic>', 'topic name (persistent://tenant/namespace/topic, or a bare name)')
    .option('-m, --message <text>', 'a message to send (repeatable)', collect)
    .addOption(
      new Option('-n, --count <count>', 'send this many generated messages').argParser(
        parsePositiveInt,
      ),
    )
    .addOption(
      new Option('-s, --size <bytes>', 'size of each generated message')
        .argParser(parseByteSize)
        .default(100),
    )
    .option('-k, --key <key>', 'message key (routing and Key_Shared)')
    .option('-p, --property <key=value>', 'message property (repeatable)', collect)
    .addOption(serviceUrlOption())
    .addOption(timeoutOption())
    .action(async (topic: string, flags: ProduceFlags) => {
      if (flags.message && flags.count !== undefined) {
        throw new InvalidArgumentError('give either -m messages or -n COUNT, not both');
      }
      parseProperties(flags.property);
      const client = createClient({
        serviceUrl: flags.serviceUrl,
        operationTimeoutMs: flags.timeout,
      });
      try {
        const producer = await client.createProducer({ topic });
        if (flags.count !== undefined) await sendGenerated(producer, flags, flags.count);
        else if (flags.message) await sendLines(producer, flags, fromArray(flags.message));
        else await sendLines(producer, flags, createInterface({ input: process.stdin }));
        await producer.close();
      } finally {
        await client.close();
      }
    });
}
