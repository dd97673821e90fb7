import { createRequire } from 'node:module';

const murmur = createRequire(import.meta.url)('murmurhash3js-revisited') as {
  x86: { hash32(bytes: Uint8Array, seed?: number): number };
};

/**
 * MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes of `text`: the key hash every Strata
 * client and the gateway use (Pulsar uses the same), so routing agrees across languages.
 */
export function murmur3(text: string): number {
  return murmur.x86.hash32(Buffer.from(text, 'utf8'), 0) >>> 0;
}
