import { UnavailableError } from '../services/common/errors.js';

/**
 * The first connection of a producer or consumer: `start()` waits on it, the connection loop
 * settles it once (ready, or failed for good).
 */
export class Readiness {
  private waiters: Array<(error?: unknown) => void> = [];

  /** Resolves when ready; rejects on failure, or with UnavailableError after `timeoutMs`. */
  wait(timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new UnavailableError(`${what} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push((error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
    });
  }

  ready(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  fail(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter(error);
  }
}
