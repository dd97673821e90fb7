import type { SubscriptionStats } from '../../proto/generated/strata/v1/SubscriptionStats.js';
import type { TopicStats } from '../../proto/generated/strata/v1/TopicStats.js';
import { clusterKeys } from '../../services/common/cluster-keys.js';
import { listAll } from '../../services/metadata/list-all.js';
import type { MetadataStore } from '../../services/metadata/metadata-store.js';
import { CursorState } from '../cursor/cursor-state.js';
import type { ManagedLedgerLedgerInfo } from '../managed-ledger/managed-ledger.js';
import { readManagedLedgerInfo } from '../managed-ledger/managed-ledger-store.js';
import type { Position } from '../managed-ledger/position.js';
import type { Subscription } from '../subscriptions/subscription.js';
import type { TopicName } from '../topic-name.js';
import { topicPath } from '../topic-name.js';
import type { LoadedTopic } from '../topics/topic-manager.js';
import { backlogEntries } from './backlog.js';

const positionText = (p: Position) => `${p.ledgerId}:${p.entryId}`;
const byName = (a: SubscriptionStats, b: SubscriptionStats) =>
  (a.name ?? '') < (b.name ?? '') ? -1 : 1;

/** Subscriptions stored for a topic, as their cursors say (no live consumer information). */
async function storedSubscriptions(
  metadata: MetadataStore,
  path: string,
  ledgers: ManagedLedgerLedgerInfo[],
  skip: ReadonlySet<string>,
): Promise<SubscriptionStats[]> {
  const prefix = clusterKeys.cursors(path);
  const stats: SubscriptionStats[] = [];
  for await (const kv of listAll(metadata, prefix)) {
    const name = kv.key.slice(prefix.length);
    if (skip.has(name)) continue;
    const cursor = CursorState.decode(kv.value);
    stats.push({
      name,
      type: '',
      backlogEntries: backlogEntries(ledgers, cursor),
      markDeletePosition: positionText(cursor.markDelete),
      consumers: [],
    });
  }
  return stats;
}

function liveSubscription(
  subscription: Subscription,
  ledgers: ManagedLedgerLedgerInfo[],
): SubscriptionStats {
  const active = subscription.policy.active?.(subscription.consumers);
  const rate = subscription.rateOut.rates();
  return {
    name: subscription.name,
    type: subscription.policy.type,
    backlogEntries: backlogEntries(ledgers, subscription.cursor.state),
    markDeletePosition: positionText(subscription.cursor.markDelete),
    msgRateOut: rate.msgRate,
    msgThroughputOut: rate.byteRate,
    consumers: subscription.consumers.map((consumer) => ({
      consumerName: consumer.name,
      address: consumer.address,
      connectedSinceMs: consumer.connectedSinceMs,
      permits: consumer.permits,
      unackedEntries: consumer.pending.size,
      msgRateOut: consumer.rateOut.rates().msgRate,
      active: active === undefined || active === consumer,
    })),
  };
}

function totals(ledgers: ManagedLedgerLedgerInfo[], subscriptions: SubscriptionStats[]) {
  return {
    entries: ledgers.reduce((sum, l) => sum + l.entries, 0),
    storageSizeBytes: ledgers.reduce((sum, l) => sum + l.sizeBytes, 0),
    backlogEntries: subscriptions.reduce((max, s) => Math.max(max, Number(s.backlogEntries)), 0),
    ledgers: ledgers.map((l) => ({ ...l })),
  };
}

/** Stats of a topic this gateway serves: rates, clients and backlogs as they are now. */
export async function liveTopicStats(
  topic: LoadedTopic,
  owner: string,
  metadata: MetadataStore,
): Promise<TopicStats> {
  const ledgers = topic.ledger.ledgers();
  const subscriptions: SubscriptionStats[] = [];
  for (const opening of topic.subscriptions.values()) {
    const subscription = await opening.catch(() => undefined);
    if (subscription) subscriptions.push(liveSubscription(subscription, ledgers));
  }
  const open = new Set(subscriptions.map((s) => s.name as string));
  subscriptions.push(...(await storedSubscriptions(metadata, topic.path, ledgers, open)));
  const rateIn = topic.rateIn.rates();
  const rateOut = topic.rateOut.rates();
  return {
    topic: topic.name.full,
    owner,
    msgRateIn: rateIn.msgRate,
    msgThroughputIn: rateIn.byteRate,
    msgRateOut: rateOut.msgRate,
    msgThroughputOut: rateOut.byteRate,
    producers: [...topic.producers].map(([producerName, producer]) => {
      const rate = producer.rate.rates();
      return {
        producerName,
        address: producer.address,
        connectedSinceMs: producer.connectedSinceMs,
        msgRateIn: rate.msgRate,
        msgThroughputIn: rate.byteRate,
      };
    }),
    subscriptions: subscriptions.sort(byName),
    ...totals(ledgers, subscriptions),
  };
}

/**
 * Stats of a topic no gateway serves now, from what is stored: its ledgers and cursors. Nothing
 * flows, so rates are zero; a ledger its last owner left open counts as empty until recovered.
 */
export async function storedTopicStats(
  metadata: MetadataStore,
  name: TopicName,
): Promise<TopicStats | undefined> {
  const path = topicPath(name);
  const info = await readManagedLedgerInfo(metadata, path);
  if (!info) return undefined;
  const ledgers = info.ledgers.map((l) => ({ ...l, open: false }));
  const subscriptions = await storedSubscriptions(metadata, path, ledgers, new Set());
  return {
    topic: name.full,
    owner: '',
    producers: [],
    subscriptions: subscriptions.sort(byName),
    ...totals(ledgers, subscriptions),
  };
}

/** A partitioned topic's stats: sums over its partitions, and each partition's own. */
export function partitionedTopicStats(topic: string, partitions: TopicStats[]): TopicStats {
  const sum = (field: keyof TopicStats) =>
    partitions.reduce((total, p) => total + Number(p[field] ?? 0), 0);
  const subscriptions = new Map<string, SubscriptionStats>();
  for (const partition of partitions) {
    for (const s of partition.subscriptions ?? []) {
      const name = s.name as string;
      const merged = subscriptions.get(name);
      if (!merged) {
        subscriptions.set(name, {
          ...s,
          markDeletePosition: '',
          consumers: [...(s.consumers ?? [])],
        });
        continue;
      }
      merged.backlogEntries = Number(merged.backlogEntries) + Number(s.backlogEntries);
      merged.msgRateOut = Number(merged.msgRateOut ?? 0) + Number(s.msgRateOut ?? 0);
      merged.msgThroughputOut =
        Number(merged.msgThroughputOut ?? 0) + Number(s.msgThroughputOut ?? 0);
      merged.type ||= s.type;
      merged.consumers?.push(...(s.consumers ?? []));
    }
  }
  const merged = [...subscriptions.values()];
  return {
    topic,
    owner: '',
    msgRateIn: sum('msgRateIn'),
    msgThroughputIn: sum('msgThroughputIn'),
    msgRateOut: sum('msgRateOut'),
    msgThroughputOut: sum('msgThroughputOut'),
    entries: sum('entries'),
    storageSizeBytes: sum('storageSizeBytes'),
    backlogEntries: merged.reduce((max, s) => Math.max(max, Number(s.backlogEntries)), 0),
    producers: partitions.flatMap((p) => p.producers ?? []),
    subscriptions: merged,
    ledgers: [],
    partitions: partitions.length,
    partitionStats: partitions,
  };
}
