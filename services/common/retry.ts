import { CancelledError, TimeoutError, isRetriable } from './errors.js';

export interface BackoffOptions {
  /** First delay. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  multiplier?: number;
  /** Each delay is randomised by ± this fraction, so many clients do not retry in lockstep. */
  jitter?: number;
}

export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt. Infinity with a deadline or signal is allowed. */
  retries?: number;
  /** Absolute time (Date.now() ms) after which no new attempt starts. */
  deadline?: number;
  signal?: AbortSignal;
  /** Decides what is worth another attempt; by default the error's `retriable` flag. */
  shouldRetry?: (error: unknown) => boolean;
  /** Instrumentation: called before each wait. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

const DEFAULTS = { initialDelayMs: 50, maxDelayMs: 5_000, multiplier: 2, jitter: 0.2 };

/** The delay before retry number `attempt` (1-based), with jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { initialDelayMs, maxDelayMs, multiplier, jitter } = { ...DEFAULTS, ...options };
  const base = Math.min(maxDelayMs, initialDelayMs * multiplier ** Math.max(0, attempt - 1));
  const spread = base * jitter * (Math.random() * 2 - 1);
  return Math.max(0, Math.round(base + spread));
}

/** Resolves after `ms`, or rejects with CancelledError when the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError('cancelled', { cause: signal.reason }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError('cancelled', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The one retry helper: runs `operation` until it succeeds, fails with an error that is not worth
 * retrying, or the retries, deadline or signal run out. The last error is thrown as it is.
 */
export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 5;
  const shouldRetry = options.shouldRetry ?? isRetriable;
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted)
      throw new CancelledError('cancelled', { cause: options.signal.reason });
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= retries || !shouldRetry(error)) throw error;
      let delay = backoffDelay(attempt + 1, options);
      if (options.deadline !== undefined) {
        const left = options.deadline - Date.now();
        if (left <= 0) throw error;
        delay = Math.min(delay, left);
      }
      options.onRetry?.(error, attempt + 1, delay);
      await sleep(delay, options.signal);
    }
  }
}

/** Rejects with TimeoutError when `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
