import { createClient, type SubscriptionType } from '../../../sdk/index.js';
import { PerfStats, printSummary, startLiveReport } from './perf-report.js';

export interface PerfConsumeOptions {
  topic: string;
  serviceUrl: string;
  timeout: number;
  subscription: string;
  type: SubscriptionType;
  earliest: boolean;
  receiverQueueSize: number;
  /** Seconds; 0 runs until Ctrl-C (or until `messages` are consumed). */
  duration: number;
  /** Messages to consume; 0 for no limit. */
  messages: number;
  json: boolean;
}

/**
 * `strata perf consume`: receives and acknowledges every message, and reports end-to-end latency,
 * from the gateway's publish time to now (wall clocks, so millisecond resolution).
 */
export async function runPerfConsume(options: PerfConsumeOptions): Promise<void> {
  const client = createClient({
    serviceUrl: options.serviceUrl,
    operationTimeoutMs: options.timeout,
  });
  try {
    const consumer = await client.subscribe({
      topic: options.topic,
      subscription: options.subscription,
      type: options.type,
      initialPosition: options.earliest ? 'earliest' : 'latest',
      receiverQueueSize: options.receiverQueueSize,
    });
    const limit = options.messages > 0 ? options.messages : Infinity;
    const stats = new PerfStats();
    // Closing the consumer ends its iteration: how a duration or Ctrl-C stops the loop.
    let stopped = false;
    const stop = () => {
      stopped = true;
      void consumer.close();
    };
    const onSigint = () => (stopped ? process.exit(130) : stop());
    process.on('SIGINT', onSigint);
    const durationTimer =
      options.duration > 0 ? setTimeout(stop, options.duration * 1000) : undefined;
    const stopLive = startLiveReport(stats, 'consume', options.json);
    try {
      for await (const message of consumer) {
        stats.record((Date.now() - message.publishTimeMs) * 1000, message.payload.length);
        message.ack();
        if (stats.messages >= limit) break;
      }
    } finally {
      clearTimeout(durationTimer);
      stopLive();
      process.off('SIGINT', onSigint);
    }
    printSummary('consume', stats.summary(), options.json);
  } finally {
    await client.close();
  }
}
