import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export type ProcessCondition = 'running' | 'stopped' | 'dead';

/**
 * Starts a command that outlives the one starting it (its own process group, output appended to
 * `logFile`), for `strata cluster up`, which returns while the cluster runs.
 */
export function spawnDetached(command: string, args: string[], logFile: string): number {
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** Whether `pid` runs, is stopped (SIGSTOP: state T in /proc), or is gone. */
export async function conditionOf(pid: number): Promise<ProcessCondition> {
  if (pid <= 0) return 'dead';
  try {
    process.kill(pid, 0);
  } catch {
    return 'dead';
  }
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S ...": the state follows the command name's closing parenthesis.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return 'dead';
    return state === 'T' || state === 't' ? 'stopped' : 'running';
  } catch {
    return 'running';
  }
}

export function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Waits for `pid` to be gone, up to `timeoutMs`; true if it is. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await conditionOf(pid)) === 'dead') return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls a log file until a line matches (or the process dies, or time runs out). */
export async function waitForLogLine(
  logFile: string,
  pid: number,
  match: (line: string) => boolean,
  fromOffset: number,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await readFile(logFile, 'utf8').catch(() => '')).slice(fromOffset);
    if (text.split('\n').some(match)) return;
    if ((await conditionOf(pid)) === 'dead') {
      throw new Error(`exited while starting; the end of ${logFile}:\n${text.slice(-2_000)}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `not ready in ${timeoutMs} ms; the end of ${logFile}:\n${text.slice(-2_000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
