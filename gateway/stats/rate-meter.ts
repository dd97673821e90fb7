/** Seconds the rates average over. */
const WINDOW_SECONDS = 5;

/**
 * Messages and bytes per second over the last few whole seconds: one counter per second in a ring,
 * so recording is two additions and nothing grows.
 */
export class RateMeter {
  private readonly seconds = new Float64Array(WINDOW_SECONDS + 1);
  private readonly messages = new Float64Array(WINDOW_SECONDS + 1);
  private readonly bytes = new Float64Array(WINDOW_SECONDS + 1);
  private readonly createdAtSecond: number;

  constructor(private readonly now: () => number = Date.now) {
    this.createdAtSecond = Math.floor(now() / 1000);
  }

  record(messages: number, bytes: number): void {
    const second = Math.floor(this.now() / 1000);
    const slot = second % this.seconds.length;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.messages[slot] = 0;
      this.bytes[slot] = 0;
    }
    this.messages[slot] = (this.messages[slot] as number) + messages;
    this.bytes[slot] = (this.bytes[slot] as number) + bytes;
  }

  /** Per second, over the whole seconds before this one (fewer while the meter is young). */
  rates(): { msgRate: number; byteRate: number } {
    const current = Math.floor(this.now() / 1000);
    const span = Math.max(1, Math.min(WINDOW_SECONDS, current - this.createdAtSecond));
    let messages = 0;
    let bytes = 0;
    for (let slot = 0; slot < this.seconds.length; slot++) {
      const second = this.seconds[slot] as number;
      if (second < current && second >= current - span) {
        messages += this.messages[slot] as number;
        bytes += this.bytes[slot] as number;
      }
    }
    return { msgRate: messages / span, byteRate: bytes / span };
  }
}
