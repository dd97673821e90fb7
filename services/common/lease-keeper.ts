import { EventEmitter } from 'node:events';
import { LeaseLostError, LeaseNotFoundError, isRetriable } from './errors.js';
import type { Logger } from './logger.js';
import { backoffDelay, retry } from './retry.js';

/** The part of a metadata store a lease keeper needs (kept here so common depends on nothing). */
export interface LeaseOps {
  grantLease(ttlMs: number): Promise<{ id: string; ttlMs: number }>;
  keepAlive(leaseId: string): Promise<{ ttlMs: number }>;
  revokeLease(leaseId: string): Promise<void>;
}

export interface LeaseKeeperOptions {
  ttlMs: number;
  logger?: Logger;
  /** Renew after this fraction of the TTL (default a third, so two renewals may fail). */
  renewFraction?: number;
}

export interface LeaseKeeperEvents {
  granted: [{ leaseId: string; ttlMs: number }];
  renewed: [{ leaseId: string; ttlMs: number }];
  renewFailed: [{ leaseId: string; error: unknown }];
  lost: [LeaseLostError];
}

/**
 * Holds one lease for a process and keeps it alive. The lease counts as lost as soon as the holder
 * can no longer be sure the store still has it: the store said it is gone, or the TTL measured from
 * the last successful renewal's *send* time ran out. Whatever the lease guarded (registration,
 * ownership) must be given up on `lost`.
 */
export class LeaseKeeper extends EventEmitter<LeaseKeeperEvents> {
  readonly lost: Promise<LeaseLostError>;
  private markLost!: (error: LeaseLostError) => void;
  private id: string | undefined;
  private ttlMs: number;
  private validUntil = 0;
  private renewTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private state: 'idle' | 'holding' | 'lost' | 'stopped' = 'idle';

  constructor(
    private readonly store: LeaseOps,
    private readonly options: LeaseKeeperOptions,
  ) {
    super();
    this.ttlMs = options.ttlMs;
    this.lost = new Promise((resolve) => (this.markLost = resolve));
  }

  get leaseId(): string {
    if (this.id === undefined) throw new Error('lease not granted yet: call start()');
    return this.id;
  }

  get isHolding(): boolean {
    return this.state === 'holding';
  }

  /** Grants the lease (retrying while the store is unreachable) and starts renewing it. */
  async start(options: { deadline?: number; signal?: AbortSignal } = {}): Promise<string> {
    if (this.state !== 'idle') throw new Error(`lease keeper is ${this.state}`);
    const sentAt = Date.now();
    const lease = await retry(() => this.store.grantLease(this.options.ttlMs), {
      retries: Infinity,
      deadline: options.deadline ?? Date.now() + 30_000,
      signal: options.signal,
      maxDelayMs: 1_000,
    });
    this.id = lease.id;
    this.ttlMs = lease.ttlMs;
    this.state = 'holding';
    this.extend(sentAt);
    this.emit('granted', { leaseId: lease.id, ttlMs: lease.ttlMs });
    this.options.logger?.info({ leaseId: lease.id, ttlMs: lease.ttlMs }, 'lease granted');
    this.scheduleRenew(this.renewInterval());
    return lease.id;
  }

  /** Stops renewing and revokes the lease, so its keys go at once rather than at expiry. */
  async stop(): Promise<void> {
    const wasHolding = this.state === 'holding';
    this.state = 'stopped';
    clearTimeout(this.renewTimer);
    clearTimeout(this.expiryTimer);
    if (wasHolding && this.id !== undefined) {
      await this.store.revokeLease(this.id).catch((error: unknown) => {
        this.options.logger?.warn(
          { err: error, leaseId: this.id },
          'lease revoke failed; it will expire',
        );
      });
    }
  }

  private renewInterval(): number {
    return Math.max(10, Math.floor(this.ttlMs * (this.options.renewFraction ?? 1 / 3)));
  }

  private extend(sentAt: number): void {
    this.validUntil = sentAt + this.ttlMs;
    clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => this.lose(`lease ${this.id} not renewed within its TTL of ${this.ttlMs} ms`),
      Math.max(0, this.validUntil - Date.now()),
    );
  }

  private scheduleRenew(delayMs: number): void {
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => void this.renew(), delayMs);
  }

  private async renew(): Promise<void> {
    if (this.state !== 'holding' || this.id === undefined) return;
    const leaseId = this.id;
    const sentAt = Date.now();
    try {
      const { ttlMs } = await this.store.keepAlive(leaseId);
      if (this.state !== 'holding') return;
      this.failures = 0;
      this.ttlMs = ttlMs;
      this.extend(sentAt);
      this.emit('renewed', { leaseId, ttlMs });
      this.scheduleRenew(this.renewInterval());
    } catch (error) {
      if (this.state !== 'holding') return;
      this.emit('renewFailed', { leaseId, error });
      if (error instanceof LeaseNotFoundError || !isRetriable(error)) {
        this.lose(`lease ${leaseId} is gone: ${(error as Error).message}`, error);
        return;
      }
      this.options.logger?.warn({ err: error, leaseId }, 'lease renewal failed; retrying');
      const left = this.validUntil - Date.now();
      this.scheduleRenew(
        Math.min(backoffDelay(++this.failures, { maxDelayMs: 1_000 }), Math.max(0, left - 1)),
      );
    }
  }

  private lose(message: string, cause?: unknown): void {
    if (this.state !== 'holding') return;
    this.state = 'lost';
    clearTimeout(this.renewTimer);
    clearTimeout(this.expiryTimer);
    const error = new LeaseLostError(this.id ?? '', message, { cause });
    this.options.logger?.error({ leaseId: this.id }, message);
    this.markLost(error);
    this.emit('lost', error);
  }
}
