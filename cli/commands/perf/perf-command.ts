import { Command, InvalidArgumentError, Option } from 'commander';
import { serviceUrlOption, timeoutOption } from '../../client-options.js';
import { parseByteSize, parsePositiveInt } from '../../options.js';
import { runPerfConsume, type PerfConsumeOptions } from './perf-consume.js';
import { runPerfProduce, type PerfProduceOptions } from './perf-produce.js';

function parseNonNegative(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`not a non-negative number: ${text}`);
  }
  return value;
}

function parseCount(text: string): number {
  return text === '0' ? 0 : parsePositiveInt(text);
}

const durationOption = () =>
  new Option('--duration <seconds>', 'how long to run (0: until Ctrl-C)')
    .argParser(parseNonNegative)
    .default(0);
const messagesOption = () =>
  new Option('-n, --messages <count>', 'stop after this many messages (0: no limit)')
    .argParser(parseCount)
    .default(0);
const jsonOption = () =>
  new Option('--json', 'print the summary as one JSON object on stdout (live lines on stderr)');

/** What commander parses: the options without the topic, `--json` possibly unset. */
type ProduceFlags = Omit<PerfProduceOptions, 'topic' | 'json'> & { json?: boolean };
type ConsumeFlags = Omit<PerfConsumeOptions, 'topic' | 'json' | 'earliest'> & {
  json?: boolean;
  earliest?: boolean;
};

function produceCommand(): Command {
  return new Command('produce')
    .description('send messages as fast as allowed and report throughput and send latency')
    .argument('<topic>', 'topic to produce to')
    .addOption(serviceUrlOption())
    .addOption(timeoutOption())
    .addOption(
      new Option('--rate <msg/s>', 'total messages per second (0: as fast as possible)')
        .argParser(parseNonNegative)
        .default(0),
    )
    .addOption(
      new Option('-s, --size <size>', 'payload size (e.g. 1024, 1KiB, 64KiB)')
        .argParser(parseByteSize)
        .default(1024),
    )
    .addOption(
      new Option('--producers <count>', 'producers sharing the rate')
        .argParser(parsePositiveInt)
        .default(1),
    )
    .addOption(durationOption())
    .addOption(
      new Option(
        '--max-outstanding <count>',
        'most unacknowledged sends per producer (and at most 128 MiB of them)',
      )
        .argParser(parsePositiveInt)
        .default(1000),
    )
    .addOption(messagesOption())
    .addOption(jsonOption())
    .action(async (topic: string, flags: ProduceFlags) => {
      await runPerfProduce({ topic, ...flags, json: flags.json === true });
    });
}

function consumeCommand(): Command {
  return new Command('consume')
    .description('receive and acknowledge messages and report throughput and end-to-end latency')
    .argument('<topic>', 'topic to consume from')
    .addOption(serviceUrlOption())
    .addOption(timeoutOption())
    .requiredOption('-s, --subscription <name>', 'subscription name')
    .addOption(
      new Option('-t, --type <type>', 'subscription type')
        .choices(['exclusive', 'shared', 'failover', 'key_shared'])
        .default('exclusive'),
    )
    .option('--earliest', 'start a new subscription at the oldest message (default: the newest)')
    .addOption(
      new Option('--receiver-queue-size <count>', 'messages the gateway may send ahead')
        .argParser(parsePositiveInt)
        .default(1000),
    )
    .addOption(durationOption())
    .addOption(messagesOption())
    .addOption(jsonOption())
    .action(async (topic: string, flags: ConsumeFlags) => {
      await runPerfConsume({
        topic,
        ...flags,
        earliest: flags.earliest === true,
        json: flags.json === true,
      });
    });
}

/** `strata perf produce|consume`: load generation and latency measurement, as pulsar-perf. */
export function perfCommand(): Command {
  return new Command('perf')
    .description('measure throughput and latency against a running Strata (like pulsar-perf)')
    .addCommand(produceCommand())
    .addCommand(consumeCommand());
}
