import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The gateway's Prometheus metrics, in a registry of its own (no process-wide state). */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly messagesIn = new Counter({
    name: 'strata_gateway_messages_in_total',
    help: 'Messages stored for producers',
    registers: [this.registry],
  });
  readonly bytesIn = new Counter({
    name: 'strata_gateway_bytes_in_total',
    help: 'Batch bytes stored for producers',
    registers: [this.registry],
  });
  readonly sendErrors = new Counter({
    name: 'strata_gateway_send_errors_total',
    help: 'Batches refused or failed',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly messagesOut = new Counter({
    name: 'strata_gateway_messages_out_total',
    help: 'Messages delivered to consumers (redeliveries included)',
    registers: [this.registry],
  });
  readonly appendLatency = new Histogram({
    name: 'strata_gateway_append_seconds',
    help: 'Time from receiving a batch to its receipt',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly topicsOwned: Gauge;
  readonly producers = new Gauge({
    name: 'strata_gateway_producers',
    help: 'Connected producers',
    registers: [this.registry],
  });
  readonly consumers = new Gauge({
    name: 'strata_gateway_consumers',
    help: 'Connected consumers',
    registers: [this.registry],
  });

  constructor(collect: { topics: () => number }) {
    this.topicsOwned = new Gauge({
      name: 'strata_gateway_topics_owned',
      help: 'Topics this gateway owns and serves',
      registers: [this.registry],
      collect() {
        this.set(collect.topics());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'strata_gateway_' });
  }
}
