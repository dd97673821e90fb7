import { InvalidArgumentError } from '../common/errors.js';
import { EtcdMetadataStore } from './etcd/etcd-metadata-store.js';
import { createMemoryStore } from './memory/memory-store.js';
import type { MetadataStore } from './metadata-store.js';
import { StrataMetadataStore } from './strata/strata-metadata-store.js';

export type MetadataBackend =
  { kind: 'memory' } | { kind: 'strata'; address: string } | { kind: 'etcd'; hosts: string[] };

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

function parseHostPort(text: string, url: string): string {
  const match = HOST_PORT.exec(text);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) {
    throw new InvalidArgumentError(
      `malformed metadata URL ${JSON.stringify(url)}: expected host:port, got ${JSON.stringify(text)}`,
    );
  }
  return text;
}

/**
 * Reads a `--metadata-url`: `memory://`, `strata://host:port` or `etcd://host:port[,host:port…]`.
 * Throws InvalidArgumentError naming what is wrong.
 */
export function parseMetadataUrl(url: string): MetadataBackend {
  if (typeof url !== 'string') throw new InvalidArgumentError('metadata URL must be a string');
  const match = /^([a-z0-9]+):\/\/(.*)$/.exec(url.trim());
  if (!match) {
    throw new InvalidArgumentError(
      `malformed metadata URL ${JSON.stringify(url)}: expected memory://, strata://host:port or etcd://host:port[,host:port...]`,
    );
  }
  const [, scheme, rest = ''] = match;
  switch (scheme) {
    case 'memory':
      if (rest !== '')
        throw new InvalidArgumentError(
          `malformed metadata URL ${JSON.stringify(url)}: memory:// takes nothing after it`,
        );
      return { kind: 'memory' };
    case 'strata':
      return { kind: 'strata', address: parseHostPort(rest, url) };
    case 'etcd': {
      const hosts = rest.split(',').map((h) => parseHostPort(h.trim(), url));
      return { kind: 'etcd', hosts };
    }
    default:
      throw new InvalidArgumentError(
        `unknown metadata backend ${JSON.stringify(scheme)} in ${JSON.stringify(url)}: use memory, strata or etcd`,
      );
  }
}

/** The one way every role reaches metadata: the URL picks the backend. */
export async function openMetadataStore(url: string): Promise<MetadataStore> {
  const backend = parseMetadataUrl(url);
  switch (backend.kind) {
    case 'memory':
      return createMemoryStore();
    case 'strata':
      return new StrataMetadataStore(backend.address);
    case 'etcd':
      return new EtcdMetadataStore(backend.hosts);
  }
}
