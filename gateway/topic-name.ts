import { InvalidArgumentError } from '../services/common/errors.js';

const SEGMENT = /^[A-Za-z0-9_=:.-]+$/;
const MAX_LOCAL_NAME = 255;
const PARTITION = /-partition-(\d+)$/;

/** A parsed topic name: `persistent://tenant/namespace/topic`. */
export interface TopicName {
  tenant: string;
  namespace: string;
  /** The topic's own name within its namespace (with any `-partition-<i>` suffix). */
  localName: string;
  /** The canonical full name. */
  full: string;
  /** The partition index when this names one partition of a partitioned topic. */
  partition?: number;
}

function checkSegment(value: string, what: string, name: string): void {
  if (!SEGMENT.test(value) || value.length > MAX_LOCAL_NAME) {
    throw new InvalidArgumentError(
      `invalid topic name ${JSON.stringify(name)}: ${what} ${JSON.stringify(value)} may only hold letters, digits and _ = : . -`,
    );
  }
}

/**
 * Parses a topic name the way Pulsar does: `persistent://tenant/namespace/topic`,
 * `tenant/namespace/topic`, or a bare `topic` in `public/default`.
 */
export function parseTopicName(name: unknown): TopicName {
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError('topic name must be a non-empty string');
  }
  let rest = name;
  const scheme = /^([a-z-]+):\/\//.exec(name);
  if (scheme) {
    if (scheme[1] !== 'persistent') {
      throw new InvalidArgumentError(
        `invalid topic name ${JSON.stringify(name)}: only persistent:// topics exist`,
      );
    }
    rest = name.slice(scheme[0].length);
  }
  const parts = rest.split('/');
  let tenant = 'public';
  let namespace = 'default';
  let localName: string;
  if (parts.length === 1 && !scheme) {
    localName = parts[0] as string;
  } else if (parts.length === 3) {
    [tenant, namespace, localName] = parts as [string, string, string];
  } else {
    throw new InvalidArgumentError(
      `invalid topic name ${JSON.stringify(name)}: expected persistent://tenant/namespace/topic, tenant/namespace/topic or topic`,
    );
  }
  checkSegment(tenant, 'tenant', name);
  checkSegment(namespace, 'namespace', name);
  checkSegment(localName, 'topic', name);
  if (localName.length > MAX_LOCAL_NAME) {
    throw new InvalidArgumentError(
      `invalid topic name: the topic part is ${localName.length} characters; the limit is ${MAX_LOCAL_NAME}`,
    );
  }
  const match = PARTITION.exec(localName);
  const topic: TopicName = {
    tenant,
    namespace,
    localName,
    full: `persistent://${tenant}/${namespace}/${localName}`,
  };
  if (match) topic.partition = Number(match[1]);
  return topic;
}

/** The name of partition `index` of a partitioned topic. */
export function partitionName(topic: TopicName, index: number): TopicName {
  return parseTopicName(
    `persistent://${topic.tenant}/${topic.namespace}/${topic.localName}-partition-${index}`,
  );
}

/** The topic's path under metadata prefixes: `tenant/namespace/topic`. */
export function topicPath(topic: TopicName): string {
  return `${topic.tenant}/${topic.namespace}/${topic.localName}`;
}

/** A tenant name: letters, digits and _ = : . - (checked like a topic name's segments). */
export function parseTenantName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError('tenant name must be a non-empty string');
  }
  checkSegment(name, 'tenant', name);
  return name;
}

export interface NamespaceName {
  tenant: string;
  namespace: string;
  /** `tenant/namespace` */
  full: string;
}

/** A namespace name: `tenant/namespace`. */
export function parseNamespaceName(name: unknown): NamespaceName {
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError('namespace name must be a non-empty string (tenant/namespace)');
  }
  const parts = name.split('/');
  if (parts.length !== 2) {
    throw new InvalidArgumentError(
      `invalid namespace name ${JSON.stringify(name)}: expected tenant/namespace`,
    );
  }
  const [tenant, namespace] = parts as [string, string];
  checkSegment(tenant, 'tenant', name);
  checkSegment(namespace, 'namespace', name);
  return { tenant, namespace, full: name };
}

/** The namespace a topic is in: `tenant/namespace`. */
export function namespaceOf(topic: TopicName): string {
  return `${topic.tenant}/${topic.namespace}`;
}

/** For a partition `t-partition-<i>`, the partitioned topic `t` it belongs to. */
export function partitionedParent(topic: TopicName): TopicName | undefined {
  if (topic.partition === undefined) return undefined;
  const base = topic.localName.slice(0, topic.localName.lastIndexOf('-partition-'));
  return base.length > 0
    ? parseTopicName(`persistent://${topic.tenant}/${topic.namespace}/${base}`)
    : undefined;
}
