import type { FaultEvent, SentMessage } from './history.js';

export interface FaultAvailability extends FaultEvent {
  /** Per topic (a partitioned topic: its worst partition), the longest time without an ack. */
  longestGapMsByTopic: Record<string, number>;
}

/** After a fault ends, gaps are still looked for this long (takeovers, ensemble changes), unless
 * the next fault starts sooner. */
const AFTER_MS = 30_000;

/**
 * How long each topic went without a successful send around each fault: the longest gap between
 * consecutive acks (or from the fault's start to the first ack) in the fault's window. Producers
 * send steadily, so a long gap is the time the topic was unavailable to them.
 */
export function unavailability(
  sent: readonly SentMessage[],
  faults: readonly FaultEvent[],
  topicOf: (partitionTopic: string) => string,
): FaultAvailability[] {
  const acks = new Map<string, number[]>();
  for (const message of sent) {
    if (message.outcome !== 'acked' || message.ackedAtMs === undefined) continue;
    const list = acks.get(message.topic) ?? [];
    list.push(message.ackedAtMs);
    acks.set(message.topic, list);
  }
  for (const list of acks.values()) list.sort((a, b) => a - b);
  return faults.map((fault, index) => {
    const from = fault.startMs;
    // Up to the next fault at most: its own gaps are its own.
    const to = Math.min(fault.endMs + AFTER_MS, faults[index + 1]?.startMs ?? Infinity);
    const longestGapMsByTopic: Record<string, number> = {};
    for (const [partition, times] of acks) {
      let previous = from;
      let longest = 0;
      let any = false;
      for (const time of times) {
        if (time < from) continue;
        if (time > to) break;
        any = true;
        longest = Math.max(longest, time - previous);
        previous = time;
      }
      // Not one ack in the window: unavailable throughout it (as far as the run went).
      if (!any) longest = Math.min(to, times.at(-1) ?? to) - from;
      const topic = topicOf(partition);
      longestGapMsByTopic[topic] = Math.max(longestGapMsByTopic[topic] ?? 0, longest);
    }
    return { ...fault, longestGapMsByTopic };
  });
}
