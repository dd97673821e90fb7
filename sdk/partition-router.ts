import { murmur3 } from '../services/common/murmur3.js';

/**
 * The partition of a message with a key: Murmur3 (x86, 32-bit, seed 0) of the key's UTF-8 bytes,
 * as an unsigned number, mod the partition count. Every Strata SDK routes the same way
 * (proto/strata/v1/messaging.proto, GetPartitions), so a key lands on one partition whatever the
 * language of its producer.
 */
export function partitionForKey(key: string, partitions: number): number {
  return murmur3(key) % partitions;
}
