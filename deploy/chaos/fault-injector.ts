import type { LocalCluster } from '../local/local-cluster.js';
import type { FaultProxy } from './fault-proxy.js';
import type { PlannedFault } from './fault-plan.js';
import type { FaultEvent } from './history.js';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Injects planned faults into a local cluster's real processes, one at a time and on time, and
 * records when each began and was lifted. A fault is always lifted, even when the run is cut short.
 */
export class FaultInjector {
  readonly events: FaultEvent[] = [];

  constructor(
    private readonly cluster: LocalCluster,
    /** The proxy in front of each storage node, by role id. */
    private readonly proxies: ReadonlyMap<string, FaultProxy>,
    private readonly log: (line: string) => void,
  ) {}

  async run(
    plan: readonly PlannedFault[],
    startedAtMs: number,
    signal: AbortSignal,
  ): Promise<void> {
    for (const fault of plan) {
      await sleep(Math.max(0, startedAtMs + fault.atMs - Date.now()), signal);
      if (signal.aborted) return;
      const startMs = Date.now();
      const what = `${fault.kind} ${fault.target}${fault.cut ? ` (${fault.cut.mode})` : ''}`;
      this.log(`fault: ${what} for ${(fault.holdMs / 1000).toFixed(1)} s`);
      try {
        await this.inject(fault);
      } catch (error) {
        // A role that did not come back is started again before the next fault.
        this.log(
          `fault ${what}: ${(error as Error).message.split('\n')[0]}; restarting what is down`,
        );
        await this.cluster.startAll();
      }
      this.events.push({ kind: fault.kind, target: fault.target, startMs, endMs: Date.now() });
      this.log(`fault lifted: ${what} after ${((Date.now() - startMs) / 1000).toFixed(1)} s`);
    }
  }

  private async inject(fault: PlannedFault): Promise<void> {
    const { cluster } = this;
    switch (fault.kind) {
      case 'kill-gateway':
      case 'kill-storage-node':
      case 'kill-metadata':
        await cluster.kill(fault.target);
        await sleep(fault.holdMs);
        await cluster.start(fault.target);
        return;
      case 'pause-gateway':
        await cluster.stop(fault.target);
        try {
          await sleep(fault.holdMs);
        } finally {
          await cluster.cont(fault.target);
        }
        return;
      case 'cut-storage-node': {
        const proxy = this.proxies.get(fault.target);
        if (!proxy) throw new Error(`no proxy in front of ${fault.target}`);
        proxy.setMode(
          fault.cut?.mode === 'delay'
            ? { kind: 'delay', delayMs: fault.cut.delayMs }
            : { kind: 'drop' },
        );
        try {
          await sleep(fault.holdMs);
        } finally {
          proxy.setMode({ kind: 'pass' });
        }
        return;
      }
      case 'restart-all':
        await cluster.killAll();
        await cluster.startAll();
        return;
    }
  }
}
