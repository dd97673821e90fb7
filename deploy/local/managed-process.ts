import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type LogLine = Record<string, unknown> & { msg?: string };

/**
 * A child process whose stdout is read as JSON log lines (pino) so a test can wait for one. Other
 * output is kept for the failure message.
 */
export class ManagedProcess {
  readonly child: ChildProcess;
  readonly lines: LogLine[] = [];
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> =
    [];
  private readonly textWaiters = new Set<(text: string) => void>();

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv = {},
  ) {
    this.child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const read = (stream: NodeJS.ReadableStream | null) => {
      if (!stream) return;
      createInterface({ input: stream }).on('line', (text) => this.onLine(text));
    };
    read(this.child.stdout);
    read(this.child.stderr);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first log line (already seen or future) that matches. */
  waitForLine(match: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(
          new Error(
            `${this.name}: no matching log line in ${timeoutMs} ms. Output:\n${this.tail()}`,
          ),
        );
      }, timeoutMs);
      const done = (line: LogLine) => {
        clearTimeout(timer);
        resolve(line);
      };
      this.waiters.push({ match, resolve: done });
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(
          new Error(
            `${this.name} exited (code ${code}, signal ${signal}). Output:\n${this.tail()}`,
          ),
        );
      });
    });
  }

  /** Resolves with the first output line (already seen or future) that matches, as text. */
  async waitForOutput(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
    const seen = this.output.map((text) => pattern.exec(text)).find((m) => m !== null);
    if (seen) return seen;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.textWaiters.delete(check);
        reject(
          new Error(
            `${this.name}: no line matching ${pattern} in ${timeoutMs} ms. Output:\n${this.tail()}`,
          ),
        );
      }, timeoutMs);
      const check = (text: string) => {
        const match = pattern.exec(text);
        if (!match) return;
        clearTimeout(timer);
        this.textWaiters.delete(check);
        resolve(match);
      };
      this.textWaiters.add(check);
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(
          new Error(
            `${this.name} exited (code ${code}, signal ${signal}). Output:\n${this.tail()}`,
          ),
        );
      });
    });
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** kill -9, and wait until the process is gone. */
  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited in time. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  tail(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }

  private onLine(text: string): void {
    this.output.push(text);
    if (this.output.length > 2_000) this.output.splice(0, 1_000);
    for (const check of [...this.textWaiters]) check(text);
    let line: LogLine;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) return;
      line = parsed as LogLine;
    } catch {
      return;
    }
    this.lines.push(line);
    for (const waiter of this.waiters.filter((w) => w.match(line))) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(line);
    }
  }
}

/** Tracks every process a test file starts so afterAll can stop them all. */
export class ProcessGroup {
  private readonly processes = new Set<ManagedProcess>();
  /**
   * If the process that started them exits without stopping them (a test runner that timed out or
   * crashed), they are killed rather than left running.
   */
  private readonly onExit = () => {
    for (const process of this.processes) process.signal('SIGKILL');
  };

  add<T extends ManagedProcess>(process: T): T {
    if (this.processes.size === 0) globalThis.process.once('exit', this.onExit);
    this.processes.add(process);
    return process;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.processes].map((p) => p.stop()));
    this.processes.clear();
    globalThis.process.removeListener('exit', this.onExit);
  }
}
